//! Reading the fields of one JSON object with a Vietnamese message for every problem:
//! missing, wrong type, bad date, value outside the vocabulary. Each reader returns what
//! it could read and records the problem, so one pass reports every field at once.

use chrono::{NaiveDate, NaiveDateTime};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::LineError;
use tiepdan_vocab::text::{clean, clean_opt};

pub(super) struct Fields<'a> {
    pub line: usize,
    obj: &'a Map<String, Value>,
    /// "events[2]." inside a nested object, so messages name the full path.
    prefix: String,
    pub errors: &'a mut Vec<LineError>,
}

impl<'a> Fields<'a> {
    pub fn new(line: usize, obj: &'a Map<String, Value>, errors: &'a mut Vec<LineError>) -> Self {
        Fields {
            line,
            obj,
            prefix: String::new(),
            errors,
        }
    }

    /// Reads a nested object with `prefix` added to the field names of its messages.
    pub fn nested<T>(
        &mut self,
        obj: &Map<String, Value>,
        prefix: &str,
        read: impl FnOnce(&mut Fields<'_>) -> T,
    ) -> T {
        let mut inner = Fields {
            line: self.line,
            obj,
            prefix: format!("{}{prefix}", self.prefix),
            errors: self.errors,
        };
        read(&mut inner)
    }

    pub fn path(&self, field: &str) -> String {
        format!("{}{field}", self.prefix)
    }

    pub fn error(&mut self, field: &str, what: impl AsRef<str>) {
        let path = self.path(field);
        self.errors.push(LineError::new(self.line, &path, what));
    }

    /// The value of `field`; `null` counts as absent.
    pub fn get(&self, field: &str) -> Option<&'a Value> {
        self.obj.get(field).filter(|v| !v.is_null())
    }

    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    fn missing(&mut self, field: &str) {
        self.error(field, "thiếu trường bắt buộc này; hãy thêm nó vào bản ghi.");
    }

    /// A raw string, not cleaned.
    fn raw_str(&mut self, field: &str) -> Option<&'a str> {
        match self.get(field)? {
            Value::String(s) => Some(s),
            other => {
                self.error(
                    field,
                    format!("phải là một chuỗi ký tự trong dấu nháy kép; đang là {other}."),
                );
                None
            }
        }
    }

    /// A required, non-empty text (cleaned: NFC, spaces collapsed).
    pub fn text(&mut self, field: &str) -> Option<String> {
        if !self.has(field) {
            self.missing(field);
            return None;
        }
        let s = clean(self.raw_str(field)?);
        if s.is_empty() {
            self.error(field, "không được để trống.");
            return None;
        }
        Some(s)
    }

    /// An optional text; empty is absent.
    pub fn opt_text(&mut self, field: &str) -> Option<String> {
        clean_opt(self.raw_str(field))
    }

    /// An optional text; absent is "".
    pub fn text_or_empty(&mut self, field: &str) -> String {
        self.raw_str(field).map(clean).unwrap_or_default()
    }

    pub fn opt_bool(&mut self, field: &str) -> Option<bool> {
        match self.get(field)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.error(
                    field,
                    format!("phải là true hoặc false (không có dấu nháy); đang là {other}."),
                );
                None
            }
        }
    }

    pub fn bool_or(&mut self, field: &str, default: bool) -> bool {
        self.opt_bool(field).unwrap_or(default)
    }

    /// An optional whole number in `min..=max`.
    pub fn opt_int(&mut self, field: &str, min: i64, max: i64) -> Option<i64> {
        let v = self.get(field)?;
        match v.as_i64() {
            Some(n) if (min..=max).contains(&n) => Some(n),
            Some(n) => {
                self.error(field, format!("giá trị {n} nằm ngoài khoảng {min}–{max}."));
                None
            }
            None => {
                self.error(
                    field,
                    format!("phải là một số nguyên (không có dấu nháy); đang là {v}."),
                );
                None
            }
        }
    }

    pub fn opt_date(&mut self, field: &str) -> Option<NaiveDate> {
        let s = self.raw_str(field)?;
        match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) if s.len() == 10 => Some(d),
            _ => {
                self.error(
                    field,
                    format!(
                        "ngày \"{s}\" không hợp lệ; ghi theo dạng YYYY-MM-DD, ví dụ 2026-11-23."
                    ),
                );
                None
            }
        }
    }

    pub fn date(&mut self, field: &str) -> Option<NaiveDate> {
        if !self.has(field) {
            self.missing(field);
            return None;
        }
        self.opt_date(field)
    }

    /// A required time `YYYY-MM-DDTHH:MM`.
    pub fn time(&mut self, field: &str) -> Option<NaiveDateTime> {
        if !self.has(field) {
            self.missing(field);
            return None;
        }
        let s = self.raw_str(field)?;
        match NaiveDateTime::parse_from_str(s, super::minutes::FORMAT) {
            Ok(t) if s.len() == 16 => Some(t),
            _ => {
                self.error(
                    field,
                    format!("thời điểm \"{s}\" không hợp lệ; ghi theo dạng YYYY-MM-DDTHH:MM, ví dụ 2026-11-23T09:15."),
                );
                None
            }
        }
    }

    /// A clock time `HH:MM`.
    pub fn clock(&mut self, field: &str) -> Option<String> {
        if !self.has(field) {
            self.missing(field);
            return None;
        }
        let s = self.raw_str(field)?;
        match chrono::NaiveTime::parse_from_str(s, "%H:%M") {
            Ok(_) if s.len() == 5 => Some(s.to_owned()),
            _ => {
                self.error(
                    field,
                    format!("giờ \"{s}\" không hợp lệ; ghi theo dạng HH:MM, ví dụ 07:30."),
                );
                None
            }
        }
    }

    /// An optional value of a vocabulary (an enum with serde snake_case names).
    pub fn opt_vocab<T: DeserializeOwned>(&mut self, field: &str) -> Option<T> {
        let v = self.get(field)?;
        let s = match v {
            Value::String(s) => s.as_str(),
            other => {
                let names = allowed::<T>();
                self.error(
                    field,
                    format!(
                        "phải là một chuỗi ký tự, một trong: {}; đang là {other}.",
                        names.join(", ")
                    ),
                );
                return None;
            }
        };
        match vocab::<T>(s) {
            Ok(t) => Some(t),
            Err(names) => {
                self.error(
                    field,
                    format!(
                        "giá trị \"{s}\" không hợp lệ; dùng một trong: {}.",
                        names.join(", ")
                    ),
                );
                None
            }
        }
    }

    pub fn vocab<T: DeserializeOwned>(&mut self, field: &str) -> Option<T> {
        if !self.has(field) {
            let names = allowed::<T>();
            self.error(
                field,
                format!(
                    "thiếu trường bắt buộc này; dùng một trong: {}.",
                    names.join(", ")
                ),
            );
            return None;
        }
        self.opt_vocab(field)
    }

    /// A list of refs (strings); absent is empty.
    pub fn refs(&mut self, field: &str) -> Vec<String> {
        let Some(v) = self.get(field) else {
            return Vec::new();
        };
        let Some(items) = v.as_array() else {
            self.error(
                field,
                format!("phải là một danh sách ref trong ngoặc vuông, ví dụ [\"cd-1\", \"cd-2\"]; đang là {v}."),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.as_str().map(clean) {
                Some(s) if !s.is_empty() => out.push(s),
                _ => self.error(
                    &format!("{field}[{i}]"),
                    format!("phải là một ref (chuỗi ký tự không rỗng); đang là {item}."),
                ),
            }
        }
        out
    }

    /// A list of objects, each read by `read` with "field[i]." before its messages.
    pub fn objects<T>(
        &mut self,
        field: &str,
        mut read: impl FnMut(&mut Fields<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Some(v) = self.get(field) else {
            return Some(Vec::new());
        };
        let Some(items) = v.as_array() else {
            self.error(
                field,
                format!("phải là một danh sách trong ngoặc vuông; đang là {v}."),
            );
            return None;
        };
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match item.as_object() {
                Some(obj) => match self.nested(obj, &format!("{field}[{i}]."), &mut read) {
                    Some(t) => out.push(t),
                    None => ok = false,
                },
                None => {
                    self.error(
                        &format!("{field}[{i}]"),
                        format!("phải là một đối tượng {{…}}; đang là {item}."),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }
}

/// The value named `s` of the vocabulary `T`, or the names it allows.
pub(super) fn vocab<T: DeserializeOwned>(s: &str) -> Result<T, Vec<String>> {
    serde_json::from_value(Value::String(s.to_owned())).map_err(|e| names_in(&e.to_string()))
}

/// The names the vocabulary `T` allows.
pub(super) fn allowed<T: DeserializeOwned>() -> Vec<String> {
    match vocab::<T>("\u{0}") {
        Ok(_) => Vec::new(),
        Err(names) => names,
    }
}

/// The back-quoted names after "expected" in serde's "unknown variant" message.
fn names_in(message: &str) -> Vec<String> {
    let Some((_, expected)) = message.split_once("expected") else {
        return Vec::new();
    };
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiepdan_domain::visit::PetitionKind;

    #[test]
    fn vocabulary_names_come_from_the_enum() {
        assert_eq!(
            allowed::<PetitionKind>(),
            ["complaint", "denunciation", "recommendation", "feedback"]
        );
        assert_eq!(
            vocab::<PetitionKind>("feedback"),
            Ok(PetitionKind::Feedback)
        );
    }
}
