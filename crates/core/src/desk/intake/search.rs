//! One search box over citizens, petitions and visits. The full-text index holds folded
//! text (no tones, đ = d), so "nguyen van duc" finds "Nguyễn Văn Đức"; among the hits,
//! those that contain the words with the diacritics as typed come first.

use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use crate::desk::{Desk, from_name, kind_label};
use crate::domain::visit::PetitionKind;
use crate::error::Result;
use crate::text::{clean, fold};

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Citizen,
    Petition,
    Visit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchHit {
    pub kind: HitKind,
    #[ts(type = "number")]
    pub id: i64,
    /// The citizen's name, the petition's kind, the visit's time.
    pub title: String,
    /// Address and ID number, or the summary.
    pub detail: String,
    /// `YYYY-MM-DD` of the petition or visit; empty for a citizen.
    pub date: String,
    /// The text contains the query with its diacritics as typed.
    pub exact: bool,
}

/// Candidates read from the index before ranking (newest first).
const CANDIDATES: usize = 400;

/// The last word is matched as a prefix only up to this length, which the index's prefix
/// tables cover (`prefix = '2 3'`); a longer last word is first matched whole, because a
/// long prefix makes FTS5 merge every word that starts with it.
const INDEXED_PREFIX: usize = 3;

/// The FTS5 queries for folded words, each word quoted: first the one to run, then (when
/// the last word is longer than the indexed prefixes) the prefix query to fall back on
/// when the first finds too little.
pub fn fts_queries(query: &str) -> Option<(String, Option<String>)> {
    let folded = fold(query);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .collect();
    let (last, rest) = words.split_last()?;
    let head: String = rest.iter().map(|w| format!("\"{w}\" ")).collect();
    let prefix = format!("{head}\"{last}\"*");
    if last.chars().count() <= INDEXED_PREFIX {
        Some((prefix, None))
    } else {
        Some((format!("{head}\"{last}\""), Some(prefix)))
    }
}

/// Newest-first rowids matching `fts`, at most `limit`.
fn matching(conn: &rusqlite::Connection, fts: &str, limit: usize) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare_cached("SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid LIMIT ?2")?;
    let rowids = stmt
        .query_map(rusqlite::params![fts, limit as i64], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rowids)
}

impl Desk {
    /// At most `limit` hits for `query`: exact-diacritic matches first, then citizens,
    /// petitions and visits, newest first within each.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        self.signed_in()?;
        let Some((first, fallback)) = fts_queries(query) else {
            return Ok(Vec::new());
        };
        let conn = self.store.conn();
        let mut rowids = matching(conn, &first, CANDIDATES)?;
        if let Some(prefix) = fallback
            && rowids.len() < limit
        {
            for r in matching(conn, &prefix, CANDIDATES)? {
                if !rowids.contains(&r) {
                    rowids.push(r);
                }
            }
            rowids.sort_unstable();
        }
        let typed = clean(query).to_lowercase();
        let mut hits = Vec::new();
        for rowid in rowids {
            if let Some(mut hit) = self.hit(rowid)? {
                let text = format!("{} {}", hit.title, hit.detail).to_lowercase();
                hit.exact = typed.split_whitespace().all(|w| text.contains(w));
                hits.push(hit);
            }
        }
        // Stable: the index order (newest first) is kept within each group.
        hits.sort_by_key(|h| (!h.exact, h.kind));
        hits.truncate(limit);
        Ok(hits)
    }

    fn hit(&self, rowid: i64) -> Result<Option<SearchHit>> {
        let conn = self.store.conn();
        // Rowids are negative so that ascending order is newest first (see migration 3).
        let code = -rowid;
        let (id, kind) = (code / 4, code % 4);
        let hit = match kind {
            0 => conn
                .prepare_cached(
                    "SELECT full_name, address, coalesce(id_number, '') FROM citizens WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    let address: String = r.get(1)?;
                    let number: String = r.get(2)?;
                    Ok(SearchHit {
                        kind: HitKind::Citizen,
                        id,
                        title: r.get(0)?,
                        detail: [address, number]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" · "),
                        date: String::new(),
                        exact: false,
                    })
                })
                .optional()?,
            1 => conn
                .prepare_cached("SELECT kind, summary, received_on FROM petitions WHERE id = ?1 AND voided_at IS NULL")?
                .query_row([id], |r| {
                    let kind: String = r.get(0)?;
                    let kind: PetitionKind = from_name(&kind).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            0,
                            rusqlite::types::Type::Text,
                            e.into(),
                        )
                    })?;
                    Ok(SearchHit {
                        kind: HitKind::Petition,
                        id,
                        title: kind_label(kind).to_owned(),
                        detail: r.get(1)?,
                        date: r.get(2)?,
                        exact: false,
                    })
                })
                .optional()?,
            2 => conn
                .prepare_cached("SELECT at, summary FROM visits WHERE id = ?1 AND voided_at IS NULL")?
                .query_row([id], |r| {
                    let at: String = r.get(0)?;
                    Ok(SearchHit {
                        kind: HitKind::Visit,
                        id,
                        title: format!("Lượt tiếp {}", at.get(..16).unwrap_or(&at).replace('T', " ")),
                        detail: r.get(1)?,
                        date: at.get(..10).unwrap_or_default().to_owned(),
                        exact: false,
                    })
                })
                .optional()?,
            _ => None,
        };
        Ok(hit)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_queries;

    #[test]
    fn queries_are_folded_quoted_and_end_in_a_prefix_the_index_covers() {
        let q = |s| fts_queries(s).unwrap();
        assert_eq!(
            q("Nguyễn Văn Đ"),
            ("\"nguyen\" \"van\" \"d\"*".into(), None)
        );
        assert_eq!(q("  \"OR\" * -  "), ("\"or\"*".into(), None));
        assert_eq!(
            q("trợ cấp người có công"),
            (
                "\"tro\" \"cap\" \"nguoi\" \"co\" \"cong\"".into(),
                Some("\"tro\" \"cap\" \"nguoi\" \"co\" \"cong\"*".into())
            )
        );
        assert_eq!(fts_queries(" ;; "), None);
    }
}
