//! How the front desk's documents are numbered and how many copies are made
//! (`assets/rules/documents.toml`, UNCONFIRMED practice, editable).
//!
//! ```
//! let rules = tiepdan_rules::documents::DocumentRules::default_rules();
//! assert_eq!(rules.label(&rules.receipt, 5), "05/GBN-UBND");
//! ```

use serde::Deserialize;
use tiepdan_vocab::reception::Host;

use super::{Provenance, RuleFileError};

/// The file name under `assets/rules/` and under the data directory's `rules/`.
pub const FILE: &str = "documents.toml";

/// The shipped file.
pub const DEFAULT: &str = include_str!("../../../assets/rules/documents.toml");

/// One kind of document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FormRule {
    /// "GBN" for giấy biên nhận.
    pub abbreviation: String,
    /// Copies made of it.
    pub copies: u32,
    /// Of which handed to the citizen.
    pub copies_to_provider: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DocumentRules {
    #[serde(flatten)]
    pub provenance: Provenance,
    /// The issuing body's abbreviation, "UBND"; empty for none.
    pub issuer: String,
    pub receipt: FormRule,
    pub appointment: FormRule,
    pub minutes: FormRule,
    /// Công văn: "12/UBND-TCD".
    pub letter: FormRule,
    /// Thông báo: "12/TB-UBND".
    pub notice: FormRule,
    /// Phiếu đề xuất thụ lý: "12/PĐX-UBND". Absent from files written before it existed.
    #[serde(default = "default_proposal")]
    pub proposal: FormRule,
    /// Hướng dẫn (a petition with several contents): "12/HD-UBND".
    #[serde(default = "default_guidance")]
    pub guidance: FormRule,
    /// Giấy mời (a dialogue): "12/GM-UBND".
    #[serde(default = "default_invitation")]
    pub invitation: FormRule,
    /// Quyết định (tạm đình chỉ, đình chỉ): "12/QĐ-UBND".
    #[serde(default = "default_decision")]
    pub decision: FormRule,
    /// Báo cáo (the verifier's report): "12/BC-UBND".
    #[serde(default = "default_report")]
    pub report: FormRule,
    /// Kết luận nội dung tố cáo: "12/KL-UBND".
    #[serde(default = "default_conclusion")]
    pub conclusion: FormRule,
    /// What a resolution tells the parties of their further remedies.
    #[serde(default)]
    pub resolution: Resolution,
    /// When a complaint's resolution decision is to be made public.
    #[serde(default)]
    pub publication: Publication,
    /// Who signs, and in whose name.
    #[serde(default)]
    pub signature: Signature,
    /// How each law is cited, by the version in force on a document's date.
    #[serde(default = "default_citations", rename = "citation")]
    pub citations: Vec<Citation>,
}

/// One version of a law as a document's "Căn cứ" line cites it, from the day it applies.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Citation {
    /// `reception`, `complaints`, `denunciations`, `local_government`.
    pub law: String,
    pub from: chrono::NaiveDate,
    pub text: String,
}

/// The laws a document cites; each must have a citation.
pub const LAWS: [&str; 4] = [
    "reception",
    "complaints",
    "denunciations",
    "local_government",
];

/// The shipped citations, for an administrator's file written before they existed.
fn default_citations() -> Vec<Citation> {
    let shipped: DocumentRules = toml::from_str(DEFAULT).expect("the shipped file parses");
    shipped.citations
}

/// The signature block's authority lines (Nghị định 30/2020 Phụ lục I): the chair signs
/// "TM." the People's Committee for its documents as a body, and with the title alone the
/// documents of a competence the law gives the chair in person (resolving complaints and
/// denunciations); a vice-chair signs "KT. CHỦ TỊCH" (ký thay) over "PHÓ CHỦ TỊCH"; the
/// party secretary signs for the party committee ("T/M ĐẢNG ỦY" over "BÍ THƯ").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Signature {
    /// "TM. ỦY BAN NHÂN DÂN".
    pub collective: String,
    /// "CHỦ TỊCH".
    pub title: String,
    /// The stored form names signed in the chair's own competence.
    pub own_competence: Vec<String>,
    /// "KT. CHỦ TỊCH": a vice-chair signing for the chair.
    #[serde(default = "default_deputy")]
    pub deputy: String,
    /// "PHÓ CHỦ TỊCH".
    #[serde(default = "default_deputy_title")]
    pub deputy_title: String,
    /// "T/M ĐẢNG ỦY": the party secretary signing for the party committee.
    #[serde(default = "default_party")]
    pub party: String,
    /// "BÍ THƯ".
    #[serde(default = "default_party_title")]
    pub party_title: String,
    pub basis: String,
    pub verified: bool,
}

fn default_deputy() -> String {
    "KT. CHỦ TỊCH".to_owned()
}
fn default_deputy_title() -> String {
    "PHÓ CHỦ TỊCH".to_owned()
}
fn default_party() -> String {
    "T/M ĐẢNG ỦY".to_owned()
}
fn default_party_title() -> String {
    "BÍ THƯ".to_owned()
}

impl Default for Signature {
    fn default() -> Self {
        Signature {
            collective: "TM. ỦY BAN NHÂN DÂN".to_owned(),
            title: "CHỦ TỊCH".to_owned(),
            own_competence: ["accept", "decline", "invitation", "decision"]
                .map(str::to_owned)
                .to_vec(),
            deputy: default_deputy(),
            deputy_title: default_deputy_title(),
            party: default_party(),
            party_title: default_party_title(),
            basis: "Nghị định 30/2020/NĐ-CP Phụ lục I; Luật Khiếu nại 2011 Điều 17; Luật Tố cáo 2018 Điều 13".to_owned(),
            verified: false,
        }
    }
}

impl DocumentRules {
    /// How `law` is cited on `on`: the newest citation not after that day (the oldest when
    /// the day is before them all).
    pub fn cite(&self, law: &str, on: chrono::NaiveDate) -> &str {
        let mut of_law: Vec<&Citation> = self.citations.iter().filter(|c| c.law == law).collect();
        of_law.sort_by_key(|c| c.from);
        of_law
            .iter()
            .rev()
            .find(|c| c.from <= on)
            .or(of_law.first())
            .map(|c| c.text.as_str())
            .expect("every law has a citation (checked when the file is read)")
    }

    /// The two authority lines above the signer's name for the stored form `form` signed
    /// by the chair: the title alone when the chair signs in their own competence, else
    /// "TM." the committee then the title.
    pub fn authority(&self, form: &str) -> (String, String) {
        self.authority_of(form, Host::Chair)
    }

    /// The authority lines for `form` signed by `signer`: a vice-chair signs "KT. CHỦ
    /// TỊCH / PHÓ CHỦ TỊCH" whatever the form, the party secretary for the party
    /// committee.
    pub fn authority_of(&self, form: &str, signer: Host) -> (String, String) {
        let s = &self.signature;
        match signer {
            Host::Chair if s.own_competence.iter().any(|f| f == form) => {
                (s.title.clone(), String::new())
            }
            Host::Chair => (s.collective.clone(), s.title.clone()),
            Host::ViceChair => (s.deputy.clone(), s.deputy_title.clone()),
            Host::PartySecretary => (s.party.clone(), s.party_title.clone()),
        }
    }
}

/// What a first-instance complaint decision tells the complainant (Luật Khiếu nại Điều
/// 31 điểm k, Điều 33): within how many days, and to whom, a second complaint goes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Resolution {
    /// Who resolves a second complaint against the commune chair's decision.
    pub second_instance: String,
    pub appeal_days: u32,
    /// In a remote or hard-to-reach area.
    pub appeal_days_remote: u32,
    /// Where a denouncer goes when they hold the resolution unlawful (tố cáo tiếp).
    #[serde(default = "default_renewed_to")]
    pub renewed_denunciation_to: String,
    #[serde(default = "default_renewed_basis")]
    pub renewed_denunciation_basis: String,
    pub basis: String,
    pub verified: bool,
}

fn default_renewed_to() -> String {
    "Chủ tịch Ủy ban nhân dân cấp tỉnh".to_owned()
}
fn default_renewed_basis() -> String {
    "Luật Tố cáo 2018 Điều 37 (chưa đối chiếu)".to_owned()
}

impl Default for Resolution {
    fn default() -> Self {
        Resolution {
            second_instance: "Chủ tịch Ủy ban nhân dân cấp tỉnh".to_owned(),
            appeal_days: 30,
            appeal_days_remote: 45,
            renewed_denunciation_to: default_renewed_to(),
            renewed_denunciation_basis: default_renewed_basis(),
            basis: "Luật Khiếu nại 2011 Điều 31, Điều 33 (người giải quyết lần hai sau sắp xếp chính quyền hai cấp: chưa đối chiếu)".to_owned(),
            verified: false,
        }
    }
}

/// Công khai quyết định giải quyết khiếu nại: within `within_days` of the decision, posted
/// for at least `posting_days` days.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Publication {
    pub within_days: u32,
    pub posting_days: u32,
    pub basis: String,
    pub verified: bool,
}

impl Default for Publication {
    fn default() -> Self {
        Publication {
            within_days: 15,
            posting_days: 15,
            basis: "Nghị định 124/2020/NĐ-CP Điều 29 (chưa đối chiếu)".to_owned(),
            verified: false,
        }
    }
}

fn default_invitation() -> FormRule {
    FormRule {
        abbreviation: "GM".to_owned(),
        copies: 2,
        copies_to_provider: 1,
    }
}

fn default_decision() -> FormRule {
    FormRule {
        abbreviation: "QĐ".to_owned(),
        copies: 3,
        copies_to_provider: 1,
    }
}

fn default_report() -> FormRule {
    FormRule {
        abbreviation: "BC".to_owned(),
        copies: 2,
        copies_to_provider: 0,
    }
}

fn default_conclusion() -> FormRule {
    FormRule {
        abbreviation: "KL".to_owned(),
        copies: 3,
        copies_to_provider: 0,
    }
}

fn default_guidance() -> FormRule {
    FormRule {
        abbreviation: "HD".to_owned(),
        copies: 2,
        copies_to_provider: 1,
    }
}

fn default_proposal() -> FormRule {
    FormRule {
        abbreviation: "PĐX".to_owned(),
        copies: 1,
        copies_to_provider: 0,
    }
}

impl DocumentRules {
    /// The rules shipped with this build.
    pub fn default_rules() -> Self {
        Self::parse(DEFAULT).expect("assets/rules/documents.toml is valid (tested)")
    }

    /// Parses and checks a rule file's text.
    pub fn parse(text: &str) -> Result<Self, RuleFileError> {
        let err = |details: String| RuleFileError {
            file: FILE.to_owned(),
            details,
        };
        let rules: DocumentRules = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        for (name, f) in [
            ("receipt", &rules.receipt),
            ("appointment", &rules.appointment),
            ("minutes", &rules.minutes),
            ("letter", &rules.letter),
            ("notice", &rules.notice),
            ("proposal", &rules.proposal),
            ("guidance", &rules.guidance),
            ("invitation", &rules.invitation),
            ("decision", &rules.decision),
        ] {
            if f.abbreviation.trim().is_empty() {
                return Err(err(format!("[{name}] thiếu chữ viết tắt (abbreviation)")));
            }
            if f.copies == 0 || f.copies_to_provider > f.copies {
                return Err(err(format!(
                    "[{name}] số bản (copies = {}) phải từ 1 trở lên và không ít hơn số bản giao cho công dân ({})",
                    f.copies, f.copies_to_provider
                )));
            }
        }
        for law in LAWS {
            if !rules.citations.iter().any(|c| c.law == law) {
                return Err(err(format!(
                    "thiếu cách trích dẫn luật \"{law}\" ([[citation]] law = \"{law}\")"
                )));
            }
        }
        if let Some(c) = rules.citations.iter().find(|c| c.text.trim().is_empty()) {
            return Err(err(format!(
                "[[citation]] của luật \"{}\" từ {} chưa có nội dung (text)",
                c.law, c.from
            )));
        }
        Ok(rules)
    }

    /// A công văn's number: the issuer first, then the unit ("12/UBND-TCD").
    pub fn letter_label(&self, number: i64) -> String {
        let issuer = self.issuer.trim();
        match issuer {
            "" => format!("{number:02}/{}", self.letter.abbreviation),
            _ => format!("{number:02}/{issuer}-{}", self.letter.abbreviation),
        }
    }

    /// The number as printed after "Số:": "05/GBN-UBND".
    pub fn label(&self, form: &FormRule, number: i64) -> String {
        if self.issuer.trim().is_empty() {
            format!("{number:02}/{}", form.abbreviation)
        } else {
            format!("{number:02}/{}-{}", form.abbreviation, self.issuer)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_parses() {
        let r = DocumentRules::default_rules();
        assert!(!r.provenance.verified);
        assert_eq!(r.label(&r.minutes, 123), "123/BB-UBND");
    }

    #[test]
    fn a_law_is_cited_as_in_force_on_the_documents_day() {
        let r = DocumentRules::default_rules();
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            r.cite("complaints", d(2026, 6, 30)),
            "Luật Khiếu nại ngày 11 tháng 11 năm 2011"
        );
        assert!(
            r.cite("complaints", d(2026, 7, 1))
                .ends_with("Luật số 136/2025/QH15")
        );
        assert!(!r.cite("reception", d(2026, 6, 30)).contains("136/2025"));
        assert!(r.cite("reception", d(2027, 1, 4)).contains("136/2025"));
        // Before every row: the oldest.
        assert_eq!(
            r.cite("reception", d(2001, 1, 1)),
            "Luật Tiếp công dân ngày 25 tháng 11 năm 2013"
        );
    }

    #[test]
    fn a_file_without_citations_gets_the_shipped_ones_and_a_missing_law_is_refused() {
        let without = DEFAULT.split("[[citation]]").next().unwrap();
        let r = DocumentRules::parse(without).unwrap();
        assert_eq!(r.citations, DocumentRules::default_rules().citations);
        let one = format!(
            "{without}[[citation]]\nlaw = \"reception\"\nfrom = \"2014-07-01\"\ntext = \"Luật Tiếp công dân\"\n"
        );
        let e = DocumentRules::parse(&one).unwrap_err();
        assert!(e.to_string().contains("complaints"), "{e}");
    }

    #[test]
    fn more_copies_to_the_citizen_than_made_is_refused() {
        let text = DEFAULT.replace(
            "copies_to_provider = 1\n\n[appointment]",
            "copies_to_provider = 3\n\n[appointment]",
        );
        let e = DocumentRules::parse(&text).unwrap_err();
        assert!(e.to_string().contains("[receipt]"), "{e}");
    }

    #[test]
    fn each_signer_signs_with_the_block_the_rule_gives() {
        let r = DocumentRules::default_rules();
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(r.authority("decision"), pair("CHỦ TỊCH", ""));
        assert_eq!(
            r.authority("schedule"),
            pair("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
        );
        assert_eq!(
            r.authority_of("decision", Host::ViceChair),
            pair("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
        );
        assert_eq!(
            r.authority_of("conclusion", Host::PartySecretary),
            pair("T/M ĐẢNG ỦY", "BÍ THƯ")
        );
        // A file written before the deputy's lines existed still reads, with them.
        let old = include_str!("../../../assets/rules/documents.toml")
            .lines()
            .filter(|l| !l.starts_with("deputy") && !l.starts_with("party"))
            .collect::<Vec<_>>()
            .join("\n");
        let parsed = DocumentRules::parse(&old).unwrap();
        assert_eq!(parsed.signature, r.signature);
    }
}
