//! Who receives citizens on the periodic reception days.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who receives: the commune chair, the party secretary, or a vice-chair in the chair's
/// place (where the rules allow).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Host {
    Chair,
    PartySecretary,
    ViceChair,
}

impl Host {
    pub fn label_vi(self) -> &'static str {
        match self {
            Host::Chair => "Chủ tịch Ủy ban nhân dân",
            Host::PartySecretary => "Bí thư Đảng ủy",
            Host::ViceChair => "Phó Chủ tịch Ủy ban nhân dân",
        }
    }
}
