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

/// What handling a petition decided (xử lý đơn): thụ lý, không thụ lý, chuyển đơn, hướng
/// dẫn, trả lại đơn, lưu đơn, đôn đốc. The routing table proposes only the first of these
/// it can know from a petition's kind and respondent (accept, transfer, guide).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Accept,
    Decline,
    Transfer,
    Guide,
    Return,
    File,
    Remind,
}

impl Action {
    /// The handling decision as the texts name it: "chuyển đơn".
    pub fn label_vi(self) -> &'static str {
        match self {
            Action::Accept => "thụ lý",
            Action::Decline => "không thụ lý",
            Action::Transfer => "chuyển đơn",
            Action::Guide => "hướng dẫn",
            Action::Return => "trả lại đơn",
            Action::File => "lưu đơn",
            Action::Remind => "đôn đốc",
        }
    }
}
