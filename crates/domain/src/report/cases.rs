//! What 02/XLD, 03/XLD and 04/XLD share: the petitions of some kinds in and out of scope as
//! for 01/XLD (MS 1–7: to handle, carried over or received; handled, likewise; eligible),
//! then the cases (MS 8), each counted once in the columns its first eligible petition
//! classifies it in; the replies of the period in the template's reply column, if any.

use std::collections::BTreeMap;

use super::period::Period;
use super::xld01::{InScope, PetitionFact, petition, scope};
use super::{Computed, RecordRef, Template};
use crate::deadline::Action;
use crate::visit::PetitionKind;

/// How one template reads the shared rows.
pub(super) struct CaseTable {
    pub template: Template,
    pub kinds: &'static [PetitionKind],
    /// The column of replies received in the period, when the template has one.
    pub replies: Option<u16>,
    /// The columns a case is counted in (besides MS 8), from its first eligible petition.
    pub classify: fn(&PetitionFact, Action) -> Vec<u16>,
}

pub(super) fn compute(table: &CaseTable, petitions: &[PetitionFact], period: Period) -> Computed {
    let mut t = Computed::new(table.template, period);
    let mut cases: BTreeMap<i64, Vec<(&PetitionFact, Action)>> = BTreeMap::new();
    for p in petitions.iter().filter(|p| table.kinds.contains(&p.kind)) {
        if let Some(ms) = table.replies {
            for _ in p.replies.iter().filter(|on| period.contains(**on)) {
                t.count(ms, petition(p));
            }
        }
        let Some(InScope { carried, handled }) = scope(p, period) else {
            continue;
        };
        let r = petition(p);
        t.count(1, r);
        t.count(if carried { 2 } else { 3 }, r);
        let Some(action) = handled else {
            continue;
        };
        t.count(4, r);
        t.count(if carried { 5 } else { 6 }, r);
        if action == Action::File {
            continue;
        }
        t.count(7, r);
        cases
            .entry(p.case_id.unwrap_or(-p.id))
            .or_default()
            .push((p, action));
    }
    for members in cases.values_mut() {
        // The first petition of the case classifies it, whatever order the facts came in.
        members.sort_by_key(|(p, _)| (p.received_on, p.id));
        let (first, action) = members[0];
        let all: Vec<RecordRef> = members.iter().map(|(p, _)| petition(p)).collect();
        for ms in std::iter::once(8).chain((table.classify)(first, action)) {
            t.count(ms, all[0]);
            let i = t.index(ms);
            t.records[i].extend(&all[1..]);
        }
    }
    t
}
