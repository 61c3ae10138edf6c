//! Where matters come from and what they are about, finer than the report's fields: the
//! locality (thôn, tổ dân phố…) read from the petitioner's address, and the sub-field the
//! officer names (môi trường, giải phóng mặt bằng…). Together they show a commune's hot
//! spots on the dashboard and filter the registers.

use tiepdan_vocab::text::{clean, fold};

/// Sub-fields a commune is asked about most; suggestions only, the officer may type any.
pub const SUBFIELD_SUGGESTIONS: &[&str] = &[
    "Môi trường",
    "Tôn giáo",
    "Dân tộc",
    "Giải phóng mặt bằng",
    "Trật tự xây dựng",
    "Đầu tư",
    "Lao động",
    "Chính sách xã hội",
    "Tranh chấp đất đai",
];

/// The words an address part begins with when it names a place inside the commune, and
/// how the part is written then.
const PLACES: &[(&str, &str)] = &[
    ("to dan pho", "Tổ dân phố"),
    ("tdp", "Tổ dân phố"),
    ("khu pho", "Khu phố"),
    ("kp", "Khu phố"),
    ("thon", "Thôn"),
    ("xom", "Xóm"),
    ("ap", "Ấp"),
    ("ban", "Bản"),
    ("buon", "Buôn"),
    ("lang", "Làng"),
    ("plei", "Plei"),
    ("soc", "Sóc"),
    ("khom", "Khóm"),
    ("khoi", "Khối"),
    ("khu", "Khu"),
    ("to", "Tổ"),
];

/// The locality an address names ("Số 5, tổ dân phố 2, phường Trần Phú" → "Tổ dân phố
/// 2"), or `None` when no part of it names one.
pub fn locality_of(address: &str) -> Option<String> {
    for part in address.split([',', ';', '\n']).flat_map(|p| p.split(" - ")) {
        let part = clean(part);
        let folded = fold(&part);
        for (word, written) in PLACES {
            let Some(rest) = folded.strip_prefix(word) else {
                continue;
            };
            // A whole word: "thôn 3", "tdp2"… not "Tống Văn…" or "banh".
            let next = rest.chars().next();
            if next.is_some_and(|c| c.is_alphabetic()) || rest.trim().is_empty() {
                continue;
            }
            // The name as typed, after the place word (its length is the same unfolded
            // for these words, counted in characters).
            let name: String = part.chars().skip(word.chars().count()).collect();
            let name = name.trim_start_matches(|c: char| c == '.' || c == ':' || c.is_whitespace());
            if name.is_empty() {
                continue;
            }
            return Some(format!("{written} {}", capitalise(name)));
        }
    }
    None
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A sub-field or locality as typed: cleaned, first letter upper case; empty is none.
pub fn label(text: Option<&str>) -> Option<String> {
    text.map(clean)
        .filter(|t| !t.is_empty())
        .map(|t| capitalise(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locality_is_the_address_part_that_names_a_place_in_the_commune() {
        for (address, locality) in [
            ("Thôn Gò Da, xã Ba Tơ", Some("Thôn Gò Da")),
            ("thôn Làng Mạ", Some("Thôn Làng Mạ")),
            ("Số 5, tổ dân phố 2, phường Trần Phú", Some("Tổ dân phố 2")),
            ("TDP 7 - phường Nghĩa Chánh", Some("Tổ dân phố 7")),
            ("Ấp 3, xã Tân Hòa", Some("Ấp 3")),
            ("Xóm Bãi; xã Ba Tơ", Some("Xóm Bãi")),
            ("khu phố 4, phường An Lạc", Some("Khu phố 4")),
            ("Tổ 12, phường Quang Trung", Some("Tổ 12")),
            ("Tống Duy Tân, phường 3", None),
            ("Bánh Mì 12", None),
            ("xã Ba Tơ, tỉnh Quảng Ngãi", None),
            ("", None),
        ] {
            assert_eq!(locality_of(address).as_deref(), locality, "{address}");
        }
    }

    #[test]
    fn labels_are_cleaned_and_capitalised() {
        assert_eq!(
            label(Some("  môi   trường ")).as_deref(),
            Some("Môi trường")
        );
        assert_eq!(label(Some("  ")), None);
        assert_eq!(label(None), None);
    }
}
