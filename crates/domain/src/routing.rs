//! Competence routing: from a petition's facts, propose ONE action with the competent
//! authority, the legal basis and the reason in Vietnamese. Pure; the table is data
//! ([`RoutingRules`]). The officer confirms or overrides the proposal (audited, with a
//! reason); a combination the table does not cover is proposed as `Review` — "cần cán bộ
//! xem xét" — never silently defaulted.
//!
//! Order of the checks: a petition with several contents for several bodies is guided to
//! be split; an anonymous denunciation is filed unless specific; a matter already
//! transferred without reply is reminded; then the table; then, for a complaint the
//! commune would accept, the refusal grounds of Luật Khiếu nại Điều 11 that the data shows
//! (limitation, second-instance decision, court, no signature); a forwarded petition that
//! is not ours goes back to the body that forwarded it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::agency::AgencyRole;
use crate::visit::{DecisionKind, Field, PetitionKind};
use tiepdan_rules::calendar::Calendar;
use tiepdan_rules::routing::{RouteAction, RoutingRules};

/// Thụ lý, không thụ lý, chuyển đơn, hướng dẫn, trả lại đơn, lưu đơn, đôn đốc; or the
/// officer decides (an added value of the interchange format's `routing.action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Accept,
    Decline,
    Transfer,
    Guide,
    Return,
    File,
    Remind,
    Review,
}

/// A transfer of the same case to another body that has not been answered yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingTransfer {
    pub to: String,
    pub on: NaiveDate,
}

/// What routing looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutingFacts {
    pub kind: PetitionKind,
    pub field: Field,
    /// Complaints: administrative, disciplinary or dismissal (their own time limits).
    pub decision_kind: DecisionKind,
    /// Denunciations presented orally in person (no written đơn).
    pub oral: bool,
    pub respondent: Option<AgencyRole>,
    pub instance: Option<u8>,
    pub received_on: NaiveDate,
    pub contested_on: Option<NaiveDate>,
    pub anonymous: bool,
    /// Anonymous denunciations: names a violator with evidence that can be verified.
    pub specific: bool,
    pub court_accepted: bool,
    pub second_instance_on: Option<NaiveDate>,
    pub signatories: u32,
    /// Sent on by another body (channel `forwarded`); its name.
    pub forwarded_by: Option<String>,
    /// The petition raises several matters for several bodies.
    pub several_contents: bool,
    pub pending_transfer: Option<PendingTransfer>,
    /// The office is in a remote area (longer time for a second complaint).
    pub remote_area: bool,
}

/// The proposal shown to the officer and written in exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Proposal {
    pub action: Action,
    pub authority: String,
    pub basis: String,
    pub reason: String,
}

const TT05: &str = "Thông tư 05/2021/TT-TTCP";

fn kind_words(kind: PetitionKind) -> &'static str {
    match kind {
        PetitionKind::Complaint => "khiếu nại",
        PetitionKind::Denunciation => "tố cáo",
        PetitionKind::Recommendation => "kiến nghị",
        PetitionKind::Feedback => "phản ánh",
    }
}

/// The one proposal for `facts` under `rules`; `calendar` decides when the limitation
/// period ends (Civil Code Điều 148: a last day off work moves to the next working day).
pub fn propose(facts: &RoutingFacts, rules: &RoutingRules, calendar: &Calendar) -> Proposal {
    let p = |action, authority: &str, basis: &str, reason: String| Proposal {
        action,
        authority: authority.to_owned(),
        basis: basis.to_owned(),
        reason,
    };
    if facts.several_contents {
        return p(
            Action::Guide,
            "Các cơ quan có thẩm quyền theo từng nội dung",
            TT05,
            "Đơn có nhiều nội dung thuộc thẩm quyền của nhiều cơ quan: hướng dẫn công dân tách đơn theo từng nội dung và gửi đến đúng cơ quan.".into(),
        );
    }
    if facts.kind == PetitionKind::Denunciation && facts.anonymous && !facts.specific {
        return p(
            Action::File,
            "",
            "Luật Tố cáo 2018 Điều 25 khoản 2",
            "Tố cáo nặc danh, không nêu rõ người vi phạm và không có thông tin, tài liệu để kiểm tra: không xử lý như tố cáo, lưu đơn.".into(),
        );
    }
    if let Some(t) = &facts.pending_transfer {
        return p(
            Action::Remind,
            &t.to,
            TT05,
            format!(
                "Vụ việc đã được chuyển đến {} ngày {} và chưa có trả lời: đôn đốc cơ quan này giải quyết.",
                t.to,
                t.on.format("%d/%m/%Y")
            ),
        );
    }
    let Some(role) = facts.respondent else {
        return p(
            Action::Review,
            "",
            "",
            format!(
                "Đơn {} chưa ghi người hoặc cơ quan bị {}: cần cán bộ xem xét.",
                kind_words(facts.kind),
                kind_words(facts.kind)
            ),
        );
    };
    let Some(route) = rules.find(
        facts.kind,
        facts.instance,
        role,
        facts.field,
        facts.received_on,
    ) else {
        return p(
            Action::Review,
            "",
            "",
            "Bảng thẩm quyền chưa có trường hợp này (loại đơn, lần khiếu nại, đối tượng bị khiếu nại/tố cáo): cần cán bộ xem xét.".into(),
        );
    };
    match route.action {
        RouteAction::Accept => {
            if facts.kind == PetitionKind::Complaint
                && let Some(reason) = refusal(facts, rules, calendar)
            {
                let basis = if reason.starts_with("Hết thời hiệu") {
                    if facts.decision_kind != DecisionKind::Administrative {
                        &rules.complaint_limits.disciplinary_basis
                    } else if facts.instance == Some(2) {
                        &rules.complaint_limits.second_instance_basis
                    } else {
                        &rules.complaint_limits.limitation_basis
                    }
                } else {
                    &rules.complaint_limits.refusal_basis
                };
                return p(Action::Decline, &route.authority, basis, reason);
            }
            let reason = if facts.kind == PetitionKind::Denunciation && facts.anonymous {
                "Tố cáo nặc danh có nội dung cụ thể, có căn cứ để kiểm tra: tiến hành kiểm tra, xác minh theo thẩm quyền (không xử lý như tố cáo).".to_owned()
            } else {
                format!(
                    "Đơn {} thuộc thẩm quyền giải quyết của {}: đề xuất thụ lý.",
                    kind_words(facts.kind),
                    route.authority
                )
            };
            p(Action::Accept, &route.authority, &route.basis, reason)
        }
        _ if facts.kind == PetitionKind::Denunciation && facts.oral => p(
            Action::Guide,
            &route.authority,
            &format!("Luật Tố cáo 2018 Điều 24 khoản 2; {}", route.basis),
            format!(
                "Tố cáo trình bày trực tiếp không thuộc thẩm quyền của xã: hướng dẫn người tố cáo đến tố cáo với {}.",
                route.authority
            ),
        ),
        action => {
            // A denunciation is always transferred (Luật Tố cáo Điều 24), never sent back.
            if let Some(body) = &facts.forwarded_by
                && facts.kind != PetitionKind::Denunciation
            {
                return p(
                    Action::Return,
                    body,
                    &format!("{TT05}; {}", route.basis),
                    format!(
                        "Đơn do {body} chuyển đến không thuộc thẩm quyền của xã (thẩm quyền: {}): trả lại đơn cho cơ quan đã chuyển.",
                        route.authority
                    ),
                );
            }
            let (action, verb) = match action {
                RouteAction::Transfer => (Action::Transfer, "chuyển đơn đến"),
                _ => (Action::Guide, "hướng dẫn công dân gửi đơn đến"),
            };
            p(
                action,
                &route.authority,
                &route.basis,
                format!(
                    "Đơn {} không thuộc thẩm quyền của xã: {verb} {}.",
                    kind_words(facts.kind),
                    route.authority
                ),
            )
        }
    }
}

/// Whether a denunciation is known not to be the office's to resolve: the table in force
/// on its received date sends it elsewhere (the handling may also decide so; the deadline
/// engine reads that from the events). Decides which intake deadline runs: the 5 working
/// days to transfer it, or the 7 (+3) to check it (Luật Tố cáo 2018 Điều 24).
pub fn outside_competence(
    kind: PetitionKind,
    respondent: Option<AgencyRole>,
    field: Field,
    received_on: NaiveDate,
    rules: &RoutingRules,
) -> bool {
    kind == PetitionKind::Denunciation
        && respondent
            .and_then(|role| rules.find(kind, None, role, field, received_on))
            .is_some_and(|route| route.action != tiepdan_rules::routing::RouteAction::Accept)
}

/// The first refusal ground of Luật Khiếu nại Điều 11 the facts show, in words.
fn refusal(f: &RoutingFacts, rules: &RoutingRules, calendar: &Calendar) -> Option<String> {
    if f.signatories == 0 || f.anonymous {
        return Some("Đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại: không thụ lý, thông báo bằng văn bản.".into());
    }
    if let Some(on) = f.contested_on {
        let days = (f.received_on - on).num_days();
        let l = &rules.complaint_limits;
        let limit = match (f.decision_kind, f.instance, f.remote_area) {
            (DecisionKind::Administrative, Some(2), false) => l.second_instance_days,
            (DecisionKind::Administrative, Some(2), true) => l.second_instance_days_remote,
            (DecisionKind::Administrative, _, _) => l.limitation_days,
            (DecisionKind::Disciplinary, Some(2), _) => l.disciplinary_second_days,
            (DecisionKind::Dismissal, Some(2), _) => l.dismissal_second_days,
            (_, _, _) => l.disciplinary_days,
        };
        let mut last = on + chrono::Duration::days(limit);
        if !calendar.is_working_day(last) {
            last = calendar.next_working_day(last);
        }
        if f.received_on > last {
            return Some(format!(
                "Hết thời hiệu khiếu nại: nhận được quyết định, hành vi bị khiếu nại ngày {}, nộp đơn ngày {} — sau {days} ngày, quá {limit} ngày (trừ khi có lý do chính đáng như ốm đau, thiên tai).",
                on.format("%d/%m/%Y"),
                f.received_on.format("%d/%m/%Y")
            ));
        }
    }
    if let Some(on) = f.second_instance_on {
        return Some(format!(
            "Việc khiếu nại đã có quyết định giải quyết khiếu nại lần hai (ngày {}): không thụ lý.",
            on.format("%d/%m/%Y")
        ));
    }
    if f.court_accepted {
        return Some("Việc khiếu nại đã được Tòa án thụ lý hoặc giải quyết: không thụ lý.".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn facts(kind: PetitionKind, role: AgencyRole) -> RoutingFacts {
        RoutingFacts {
            kind,
            field: Field::Land,
            decision_kind: DecisionKind::Administrative,
            oral: false,
            respondent: Some(role),
            instance: None,
            received_on: day("2026-03-02"),
            contested_on: None,
            anonymous: false,
            specific: false,
            court_accepted: false,
            second_instance_on: None,
            signatories: 1,
            forwarded_by: None,
            several_contents: false,
            pending_transfer: None,
            remote_area: false,
        }
    }

    fn go(f: &RoutingFacts) -> Proposal {
        let cal = Calendar::merge(
            &tiepdan_rules::calendar::CalendarRules::default_rules().days,
            &[],
        );
        propose(f, &RoutingRules::default_rules(), &cal)
    }

    #[test]
    fn each_action_is_proposed_from_its_facts() {
        use AgencyRole::*;
        use PetitionKind::*;
        let accept = go(&facts(Complaint, CommuneChair));
        assert_eq!(
            (accept.action, accept.authority.as_str()),
            (Action::Accept, "Chủ tịch Ủy ban nhân dân xã")
        );
        assert!(accept.basis.contains("Điều 17"));
        let transfer = go(&facts(Denunciation, CommuneViceChair));
        assert_eq!(
            (transfer.action, transfer.authority.as_str()),
            (Action::Transfer, "Chủ tịch Ủy ban nhân dân tỉnh")
        );
        let guide = go(&facts(Complaint, PrivatePerson));
        assert_eq!(guide.action, Action::Guide);
        assert!(guide.authority.contains("Tòa án"));
        let mut second = facts(Complaint, CommuneChair);
        second.instance = Some(2);
        assert_eq!(go(&second).authority, "Chủ tịch Ủy ban nhân dân tỉnh");
        let mut forwarded = facts(Feedback, ProvinceDepartment);
        forwarded.forwarded_by = Some("Báo Quảng Ngãi".into());
        let back = go(&forwarded);
        assert_eq!(
            (back.action, back.authority.as_str()),
            (Action::Return, "Báo Quảng Ngãi")
        );
        let mut reminded = facts(Recommendation, ProvinceDepartment);
        reminded.pending_transfer = Some(PendingTransfer {
            to: "Sở Nông nghiệp và Môi trường".into(),
            on: day("2026-01-10"),
        });
        let remind = go(&reminded);
        assert_eq!(remind.action, Action::Remind);
        assert!(remind.reason.contains("10/01/2026"));
        let mut several = facts(Complaint, CommuneChair);
        several.several_contents = true;
        assert_eq!(go(&several).action, Action::Guide);
    }

    #[test]
    fn the_limitation_ends_on_a_working_day_and_a_second_complaint_has_its_own() {
        let mut f = facts(PetitionKind::Complaint, AgencyRole::CommuneChair);
        // Day 90 after 01/12/2025 is Sunday 01/03/2026: Monday is still in time.
        f.contested_on = Some(day("2025-12-01"));
        f.received_on = day("2026-03-02");
        assert_eq!(go(&f).action, Action::Accept);
        f.received_on = day("2026-03-03");
        assert_eq!(go(&f).action, Action::Decline);

        let mut second = facts(PetitionKind::Complaint, AgencyRole::CommuneOfficeHead);
        second.instance = Some(2);
        second.contested_on = Some(day("2026-02-02"));
        second.received_on = day("2026-03-06"); // 32 days later
        let late = go(&second);
        assert_eq!(late.action, Action::Decline);
        assert!(late.basis.contains("Điều 33"), "{}", late.basis);
        second.remote_area = true; // 45 days there
        assert_eq!(go(&second).action, Action::Accept);
    }

    #[test]
    fn anonymous_denunciations_are_filed_unless_specific() {
        let mut f = facts(PetitionKind::Denunciation, AgencyRole::CommuneOfficial);
        f.anonymous = true;
        let filed = go(&f);
        assert_eq!(filed.action, Action::File);
        assert!(filed.basis.contains("Điều 25"));
        f.specific = true;
        let checked = go(&f);
        assert_eq!(checked.action, Action::Accept);
        assert!(checked.reason.contains("nặc danh có nội dung cụ thể"));
        f.respondent = Some(AgencyRole::CommuneChair);
        assert_eq!(
            go(&f).action,
            Action::Transfer,
            "specific, but about someone the province handles"
        );
    }

    #[test]
    fn each_checkable_refusal_ground_of_article_11_declines_a_complaint() {
        let base = facts(PetitionKind::Complaint, AgencyRole::CommuneChair);
        let mut late = base.clone();
        late.contested_on = Some(day("2025-11-25"));
        let d = go(&late);
        assert_eq!(d.action, Action::Decline);
        assert!(
            d.reason.contains("sau 97 ngày, quá 90 ngày"),
            "{}",
            d.reason
        );
        assert!(d.basis.contains("Điều 9"));
        let mut in_time = base.clone();
        in_time.contested_on = Some(day("2025-12-02"));
        assert_eq!(
            go(&in_time).action,
            Action::Accept,
            "90 days exactly is still in time"
        );
        let mut second = base.clone();
        second.second_instance_on = Some(day("2025-10-01"));
        assert!(go(&second).reason.contains("lần hai"));
        let mut court = base.clone();
        court.court_accepted = true;
        assert!(go(&court).reason.contains("Tòa án"));
        let mut unsigned = base;
        unsigned.signatories = 0;
        assert!(go(&unsigned).reason.contains("không có chữ ký"));
    }

    #[test]
    fn every_role_kind_and_instance_has_a_route_or_an_explicit_review() {
        use PetitionKind::*;
        for kind in [Complaint, Denunciation, Recommendation, Feedback] {
            let instances: &[Option<u8>] = if kind == Complaint {
                &[Some(1), Some(2)]
            } else {
                &[None]
            };
            for instance in instances {
                for role in AgencyRole::ALL {
                    let mut f = facts(kind, role);
                    f.instance = *instance;
                    let p = go(&f);
                    if p.action == Action::Review {
                        assert!(p.reason.contains("cần cán bộ xem xét"));
                        assert!(
                            role == AgencyRole::Other || instance == &Some(2),
                            "{kind:?} {instance:?} {role:?} is not routed"
                        );
                    } else {
                        assert!(
                            !p.authority.is_empty() && !p.basis.is_empty(),
                            "{kind:?} {role:?}"
                        );
                    }
                }
            }
        }
        let mut unknown = facts(Complaint, AgencyRole::Other);
        unknown.respondent = None;
        assert_eq!(go(&unknown).action, Action::Review);
    }
}
