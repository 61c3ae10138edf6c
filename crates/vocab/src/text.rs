//! Vietnamese text: NFC normalisation, search folding and collation.
//!
//! Every string the core stores passes through [`clean`]; every search key through
//! [`fold`]; every user-facing sort through [`Collation`]. This module is pure: no IO,
//! no database, no clock.
//!
//! ```
//! use tiepdan_vocab::text::{fold, clean};
//! assert_eq!(fold("Nguyễn Văn Đức"), "nguyen van duc");
//! assert_eq!(clean("  Trần   Tha\u{300}nh "), "Trần Thành");
//! assert_eq!(clean("Lê\u{0}\u{1b}[31m Văn\tA"), "Lê[31m Văn A");
//! ```

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use icu_locale_core::locale;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// NFC-normalises `s` (a cheap check first: most text is NFC already).
pub fn nfc(s: &str) -> String {
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_owned(),
        _ => s.nfc().collect(),
    }
}

/// The form in which user text is stored: NFC, trimmed, inner whitespace runs collapsed to
/// one space (a name typed with a double space is the same name).
/// Control characters (NUL, bell, escape…) are dropped; tabs and line breaks count as spaces.
pub fn clean(s: &str) -> String {
    let normalised: String = nfc(s)
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    normalised.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The names typed one per line, in one field or several: each line cleaned, the empty
/// ones dropped (the participants of a work session, the members at a reception day).
pub fn clean_lines<S: AsRef<str>>(fields: &[S]) -> Vec<String> {
    fields
        .iter()
        .flat_map(|f| f.as_ref().lines())
        .map(clean)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The stored form of a multi-line text (a rule file typed or pasted in the window): NFC,
/// line breaks kept as `\n`, tabs kept, other control characters dropped.
///
/// ```
/// assert_eq!(tiepdan_vocab::text::clean_block("a = 1\r\nb\u{0} = \"Te\u{302}\u{301}t\"\r\n"), "a = 1\nb = \"Tết\"\n");
/// ```
pub fn clean_block(s: &str) -> String {
    nfc(&s.replace("\r\n", "\n"))
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect()
}

/// Like [`clean`], but `None` for an empty result: optional fields store NULL, not "".
pub fn clean_opt(s: Option<&str>) -> Option<String> {
    s.map(clean).filter(|c| !c.is_empty())
}

/// The search key of `s`: lowercase, tone and vowel marks removed, đ/Đ mapped to d,
/// whitespace collapsed. "Nguyễn Văn Đức" and "nguyen van duc" fold to the same key.
/// Note that NFD does not decompose đ (U+0111), hence the explicit mapping.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Vietnamese collation (CLDR `vi` tailoring through ICU4X): "Dương" < "Đặng",
/// "Anh" < "Ánh" < "Ăn".
pub struct Collation {
    collator: CollatorBorrowed<'static>,
}

impl Collation {
    /// The Vietnamese collator. The data is compiled into the binary, so this cannot fail
    /// at run time unless the build itself is broken.
    pub fn vietnamese() -> Self {
        let prefs = CollatorPreferences::from(&locale!("vi"));
        let collator = Collator::try_new(prefs, CollatorOptions::default())
            .expect("Vietnamese collation data is compiled into icu_collator");
        Collation { collator }
    }

    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b)
    }

    /// Sorts `items` by the key `key` in Vietnamese order.
    pub fn sort_by_key<T>(&self, items: &mut [T], key: impl Fn(&T) -> &str) {
        items.sort_by(|a, b| self.compare(key(a), key(b)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clean_lines_takes_one_name_per_line_from_every_field() {
        let typed = ["  Lê Văn A \r\n\n Trần Thị B", "", "Phạm\tVăn  C"];
        assert_eq!(
            clean_lines(&typed),
            ["Lê Văn A", "Trần Thị B", "Phạm Văn C"]
        );
        assert!(clean_lines::<&str>(&[]).is_empty());
    }

    #[test]
    fn fold_removes_tones_and_maps_d_bar() {
        let rows = [
            ("Nguyễn Văn Đức", "nguyen van duc"),
            ("ĐẶNG THỊ ÁNH", "dang thi anh"),
            ("Phường Ba Đình", "phuong ba dinh"),
            ("  Thôn   Đông  ", "thon dong"),
            ("Ủy ban nhân dân", "uy ban nhan dan"),
            ("Quảng Ngãi", "quang ngai"),
        ];
        for (input, folded) in rows {
            assert_eq!(fold(input), folded, "fold({input:?})");
        }
    }

    #[test]
    fn clean_normalises_to_nfc_and_collapses_spaces() {
        // "Đức" typed as NFD (decomposed tone marks), as some keyboards send it.
        let decomposed: String = "Nguyễn  Văn Đức".nfd().collect();
        assert_ne!(decomposed, "Nguyễn  Văn Đức");
        assert_eq!(clean(&decomposed), "Nguyễn Văn Đức");
        assert_eq!(clean_opt(Some("   ")), None);
        assert_eq!(clean_opt(None), None);
    }

    #[test]
    fn vietnamese_collation_orders_letters_as_the_alphabet_does() {
        let c = Collation::vietnamese();
        // Đ is a letter after D: every Đ… name follows every D… name.
        assert_eq!(c.compare("Dương", "Đặng"), Ordering::Less);
        assert_eq!(c.compare("Dũng", "Đào"), Ordering::Less);
        // Ă and Â follow A.
        assert_eq!(c.compare("Anh", "Ăn"), Ordering::Less);
        assert_eq!(c.compare("Ăn", "Ân"), Ordering::Less);
        let mut names = vec!["Đặng", "Bùi", "Dương", "Ân", "An", "Ơn", "Ô", "Hà"];
        c.sort_by_key(&mut names, |s| s);
        assert_eq!(names, ["An", "Ân", "Bùi", "Dương", "Đặng", "Hà", "Ô", "Ơn"]);
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn nfd_and_nfc_inputs_fold_the_same(s in "[a-zA-ZàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ ]{0,30}") {
            let nfd: String = s.nfd().collect();
            let nfc: String = s.nfc().collect();
            prop_assert_eq!(fold(&nfd), fold(&nfc));
        }

        #[test]
        fn folded_text_is_plain_lowercase_ascii_for_vietnamese(s in "[a-zA-ZàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ ]{0,30}") {
            let folded = fold(&s);
            prop_assert!(folded.chars().all(|c| c.is_ascii_lowercase() || c == ' '), "{}", folded);
        }

        #[test]
        fn clean_is_idempotent_and_nfc(s in "\\PC{0,40}") {
            let once = clean(&s);
            prop_assert_eq!(clean(&once), once.clone());
            prop_assert!(unicode_normalization::is_nfc(&once));
        }
    }
}
