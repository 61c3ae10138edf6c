//! What a petition is: its kind, field, how it was received, and the kind of decision a
//! complaint is about, in the interchange format's vocabulary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Thường xuyên, định kỳ, đột xuất.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Reception {
    Regular,
    Periodic,
    AdHoc,
}

/// Thủ trưởng tiếp, ủy quyền tiếp, cán bộ tiếp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReceivedBy {
    Head,
    Delegate,
    Officer,
}

/// Khiếu nại, tố cáo, kiến nghị, phản ánh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PetitionKind {
    Complaint,
    Denunciation,
    Recommendation,
    Feedback,
}

/// The kind of decision a complaint is about (Luật Khiếu nại: Chương III for administrative
/// decisions and acts, Chương IV Điều 48–51 for disciplinary decisions against officials).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// Quyết định hành chính, hành vi hành chính.
    #[default]
    Administrative,
    /// Quyết định kỷ luật cán bộ, công chức.
    Disciplinary,
    /// Quyết định kỷ luật buộc thôi việc.
    Dismissal,
}

impl DecisionKind {
    pub fn label_vi(self) -> &'static str {
        match self {
            DecisionKind::Administrative => "quyết định hành chính, hành vi hành chính",
            DecisionKind::Disciplinary => "quyết định kỷ luật cán bộ, công chức",
            DecisionKind::Dismissal => "quyết định kỷ luật buộc thôi việc",
        }
    }
}

/// Lĩnh vực.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Policy,
    Land,
    CivilService,
    Corruption,
    Judicial,
    Party,
    OtherAdmin,
    Other,
}
