//! Refusing to receive a person (từ chối tiếp người đến nơi tiếp công dân), Luật Tiếp công
//! dân 2013 Điều 9: the grounds, as the notice states them.
//!
//! ```
//! use tiepdan_domain::refusal::{RefusalGround, RefusalInput};
//! let bad = RefusalInput { ground: RefusalGround::Other, detail: " ".into() };
//! assert_eq!(bad.validate().unwrap_err()[0].field, "detail");
//! ```

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use tiepdan_vocab::FieldError;
use tiepdan_vocab::text::clean;

/// The grounds of Điều 9 Luật Tiếp công dân 2013 (khoản 1–4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RefusalGround {
    /// Khoản 1: intoxicated, mentally ill or otherwise unable to control their behaviour.
    Incapacitated,
    /// Khoản 2: threats, insults, or breaches of the reception rules.
    Disruptive,
    /// Khoản 3: a matter lawfully resolved, reviewed and answered in writing, pursued on.
    AlreadyResolved,
    /// Khoản 4: another case set by law (the officer states which).
    Other,
}

impl RefusalGround {
    /// The clause of Điều 9.
    pub fn clause(self) -> u8 {
        match self {
            RefusalGround::Incapacitated => 1,
            RefusalGround::Disruptive => 2,
            RefusalGround::AlreadyResolved => 3,
            RefusalGround::Other => 4,
        }
    }

    /// The finding, as the notice words it.
    pub fn finding_vi(self) -> &'static str {
        match self {
            RefusalGround::Incapacitated => {
                "người đến nơi tiếp công dân trong tình trạng say do dùng chất kích thích, mắc bệnh tâm thần hoặc một bệnh khác làm mất khả năng nhận thức hoặc khả năng điều khiển hành vi của mình"
            }
            RefusalGround::Disruptive => {
                "người đến nơi tiếp công dân có hành vi đe dọa, xúc phạm cơ quan, người tiếp công dân, người thi hành công vụ hoặc có hành vi khác vi phạm nội quy nơi tiếp công dân"
            }
            RefusalGround::AlreadyResolved => {
                "vụ việc đã được giải quyết đúng chính sách, pháp luật, được cơ quan nhà nước có thẩm quyền kiểm tra, rà soát, thông báo bằng văn bản và đã được tiếp, giải thích, hướng dẫn nhưng vẫn cố tình khiếu nại, tố cáo kéo dài"
            }
            RefusalGround::Other => "trường hợp khác theo quy định của pháp luật",
        }
    }
}

/// What the officer states when refusing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RefusalInput {
    pub ground: RefusalGround,
    /// What happened, or for `Other` the legal provision; required for `Other`.
    pub detail: String,
}

impl RefusalInput {
    /// Cleans the detail; `Other` needs it.
    pub fn validate(&self) -> Result<RefusalInput, Vec<FieldError>> {
        let detail = clean(&self.detail);
        if self.ground == RefusalGround::Other && detail.is_empty() {
            return Err(vec![FieldError::new(
                "detail",
                "Hãy ghi rõ trường hợp và căn cứ pháp luật của việc từ chối tiếp.",
            )]);
        }
        if detail.chars().count() > 2000 {
            return Err(vec![FieldError::new(
                "detail",
                "Nội dung dài quá 2.000 ký tự.",
            )]);
        }
        Ok(RefusalInput {
            ground: self.ground,
            detail,
        })
    }
}
