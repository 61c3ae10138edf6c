//! Counting one period over the working calendar, and saying in Vietnamese how it was
//! counted (Bộ luật Dân sự 2015 Điều 147–148).

use chrono::{Datelike, NaiveDate};

use super::vi_date;
use tiepdan_rules::calendar::{Calendar, DayEntry, DayKind, weekday_vi};
use tiepdan_rules::deadlines::Unit;

/// A time the clock stood still: from the pause's date up to, not including, the
/// resumption's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pause {
    pub from: NaiveDate,
    pub until: NaiveDate,
    /// Not resumed yet: `until` is the day after "today".
    pub open: bool,
}

impl Pause {
    fn holds(&self, d: NaiveDate) -> bool {
        self.from <= d && d < self.until
    }
}

/// Sentences of an explanation, in Vietnamese, or nothing at all when only the dates are
/// wanted (recomputing every case must not pay for a million texts nobody reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Notes(Option<Vec<String>>);

impl Notes {
    pub fn new(explain: bool) -> Self {
        Notes(explain.then(Vec::new))
    }

    pub fn wanted(&self) -> bool {
        self.0.is_some()
    }

    /// Adds a sentence, built only when the explanation is wanted.
    pub fn add(&mut self, sentence: impl FnOnce() -> String) {
        if let Some(v) = &mut self.0 {
            v.push(sentence());
        }
    }

    pub fn extend(&mut self, other: Notes) {
        if let (Some(v), Some(o)) = (&mut self.0, other.0) {
            v.extend(o);
        }
    }

    pub fn join(self) -> String {
        self.0.map(|v| v.join(" ")).unwrap_or_default()
    }
}

/// A counted period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Counted {
    pub due: NaiveDate,
    pub explain: Notes,
    /// An open pause held the clock.
    pub suspended: bool,
}

/// Counts `days` of `unit` after `start` (the first day is not counted), skipping paused
/// days, then moves a calendar-day period's end off a non-working day.
pub(super) fn count(
    start: NaiveDate,
    days: u32,
    unit: Unit,
    pauses: &[Pause],
    cal: &Calendar,
    explain: bool,
) -> Counted {
    let mut explain = Notes::new(explain);
    let wanted = explain.wanted();
    let mut d = start;
    let mut counted = 0;
    let mut paused = vec![0u32; pauses.len()];
    let mut weekends = 0;
    let mut holidays = Vec::new();
    let mut made_up = Vec::new();
    while counted < days {
        d = d.succ_opt().expect("dates stay far from chrono's limits");
        if let Some(i) = pauses.iter().position(|p| p.holds(d)) {
            paused[i] += 1;
            continue;
        }
        match unit {
            Unit::Calendar => counted += 1,
            Unit::Working if cal.is_working_day(d) => {
                counted += 1;
                if wanted && let Some(e) = cal.entry(d).filter(|e| e.kind == DayKind::WorkingDay) {
                    made_up.push(day_vi(d, e));
                }
            }
            Unit::Working if !wanted => {}
            Unit::Working => match cal.entry(d) {
                Some(e) => holidays.push(day_vi(d, e)),
                None => weekends += 1,
            },
        }
    }
    let last = d;
    let mut suspended = false;
    for (p, n) in pauses.iter().zip(&paused) {
        if *n == 0 {
            continue;
        }
        if p.open {
            suspended = true;
            explain.add(|| format!(
                "Đang tạm đình chỉ từ ngày {}: {n} ngày đến nay không tính vào thời hạn; hạn dưới đây tính như thể tiếp tục giải quyết từ ngày {} và sẽ lùi thêm mỗi ngày còn tạm đình chỉ.",
                vi_date(p.from),
                vi_date(p.until)
            ));
        } else {
            explain.add(|| format!(
                "Tạm đình chỉ từ ngày {} đến ngày {} (tiếp tục giải quyết): {n} ngày không tính vào thời hạn.",
                vi_date(p.from),
                vi_date(p.until)
            ));
        }
    }
    if weekends > 0 || !holidays.is_empty() {
        let mut s = format!("Không tính {weekends} ngày thứ Bảy, Chủ nhật");
        if !holidays.is_empty() {
            s.push_str(&format!(" và các ngày nghỉ: {}", holidays.join("; ")));
        }
        s.push('.');
        explain.add(|| s);
    }
    if !made_up.is_empty() {
        explain.add(|| format!("Có tính ngày làm việc bù: {}.", made_up.join("; ")));
    }
    let due = match unit {
        Unit::Calendar if !cal.is_working_day(last) => {
            let due = cal.next_working_day(last);
            explain.add(|| {
                let mut off = Vec::new();
                let mut x = last;
                while x < due {
                    off.push(off_day_vi(x, cal));
                    x = x.succ_opt().expect("dates stay far from chrono's limits");
                }
                format!(
                    "Ngày cuối cùng của thời hạn rơi vào ngày nghỉ nên thời hạn kết thúc vào cuối ngày làm việc tiếp theo; các ngày nghỉ: {}.",
                    off.join("; ")
                )
            });
            due
        }
        _ => {
            if let Some(e) = cal
                .entry(last)
                .filter(|e| e.kind == DayKind::WorkingDay && !is_plain_weekday(last))
            {
                explain.add(|| format!(
                    "Ngày cuối cùng {} là ngày làm việc bù nên thời hạn kết thúc vào chính ngày đó.",
                    day_vi(last, e)
                ));
            }
            last
        }
    };
    if !wanted {
        return Counted {
            due,
            explain,
            suspended,
        };
    }
    let missing: Vec<String> = (start.year()..=due.year())
        .filter(|y| !cal.covers(*y))
        .map(|y| y.to_string())
        .collect();
    if !missing.is_empty() {
        explain.add(|| format!(
            "Lưu ý: chưa có lịch nghỉ lễ năm {} trong dữ liệu, chỉ thứ Bảy, Chủ nhật được coi là ngày nghỉ; hãy cập nhật lịch làm việc.",
            missing.join(", ")
        ));
    }
    Counted {
        due,
        explain,
        suspended,
    }
}

fn is_plain_weekday(d: NaiveDate) -> bool {
    !tiepdan_rules::calendar::is_weekend(d)
}

/// "10/01/2026 (thứ Bảy, Làm bù cho ngày 02/01/2026)" with where it comes from when that
/// matters.
fn day_vi(d: NaiveDate, e: &DayEntry) -> String {
    let origin = if e.office {
        ", theo lịch của cơ quan"
    } else if !e.verified {
        ", chưa xác minh theo văn bản chính thức"
    } else {
        ""
    };
    format!("{} ({}, {}{origin})", vi_date(d), weekday_vi(d), e.note)
}

fn off_day_vi(d: NaiveDate, cal: &Calendar) -> String {
    match cal.entry(d) {
        Some(e) => day_vi(d, e),
        None => format!("{} ({})", vi_date(d), weekday_vi(d)),
    }
}
