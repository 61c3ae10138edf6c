//! What a document says, composed from its values and the rules in force on its date: pure
//! functions, one per form, so the wording and its legal citations are tested without a
//! database. The core numbers, stores and lays out what they return.
//!
//! ```
//! use tiepdan_domain::forms::{StopDecision, stop_decision};
//! use tiepdan_rules::documents::DocumentRules;
//! let rules = DocumentRules::default_rules();
//! let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let decision = StopDecision {
//!     office: "Ủy ban nhân dân xã Ba Tơ", complainant: "Ông Nguyễn Văn Đức",
//!     summary: "thu hồi đất", reason: None, from: d(6, 1), suspend: true,
//! };
//! let before = stop_decision(&decision, d(6, 30), &rules).join("\n");
//! let after = stop_decision(&decision, d(7, 1), &rules).join("\n");
//! assert!(!before.contains("136/2025") && after.contains("136/2025"));
//! ```

mod acceptance_proposal;
mod booking_slip;
mod briefing;
mod conclusions_notice;
mod decision_letter;
mod dialogue_invitation;
mod empty_session;
mod extension_decision;
mod protection;
mod refusal_notice;
mod resolution;
mod schedule_notice;
mod stop_decision;
mod verification_decision;
mod verification_papers;

pub use acceptance_proposal::*;
pub use booking_slip::*;
pub use briefing::*;
pub use conclusions_notice::*;
pub use decision_letter::*;
pub use dialogue_invitation::*;
pub use empty_session::*;
pub use extension_decision::*;
pub use protection::*;
pub use refusal_notice::*;
pub use resolution::*;
pub use schedule_notice::*;
pub use stop_decision::*;
pub use verification_decision::*;
pub use verification_papers::*;

/// A sentence ends with a full stop, once.
pub(crate) fn sentence(s: &str) -> String {
    let t = s.trim();
    if t.ends_with(['.', '!', '?']) {
        t.to_owned()
    } else {
        format!("{t}.")
    }
}
