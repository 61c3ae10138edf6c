//! Old registers kept in Excel, brought in as records: previewed first with every row's
//! problems named, then imported all or nothing through the interchange import (the same
//! checks, the same storage, the same audit row), so a re-import changes nothing.

use crate::audit::Ctx;
use crate::desk::Desk;
use crate::desk::interchange::{ImportError, ImportSummary};
use crate::domain::access::Permission;
use crate::error::{Error, FieldError, Result};
use crate::interchange::legacy::{self, LegacyPreview};
use crate::progress::Progress;

/// "Trang tính «2023», dòng 15: …"
fn at(sheet: &str, row: u32, what: &str) -> String {
    format!("Trang tính «{sheet}», dòng {row}: {what}")
}

impl Desk {
    /// Reads an old register's workbook (.xlsx, .xls, .ods) for the officer to check:
    /// what each column was taken for, every row as it would be imported, and its problems.
    pub fn legacy_preview(&self, ctx: &Ctx, bytes: &[u8]) -> Result<LegacyPreview> {
        ctx.require(Permission::ImportData)?;
        legacy::preview(bytes, ctx.now.date()).map_err(|e| Error::invalid("file", e.to_string()))
    }

    /// Imports an old register: refused whole while any row has a problem (each named with
    /// its sheet and row), else every row in one transaction.
    pub fn legacy_import(
        &mut self,
        ctx: &Ctx,
        bytes: &[u8],
        progress: &dyn Progress,
    ) -> Result<ImportSummary> {
        let preview = self.legacy_preview(ctx, bytes)?;
        let problems: Vec<FieldError> = preview
            .rows
            .iter()
            .flat_map(|r| {
                r.problems.iter().map(|p| {
                    FieldError::new(
                        &format!("row.{}.{}", r.sheet, r.row),
                        at(&r.sheet, r.row, p),
                    )
                })
            })
            .collect();
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let (records, source) = legacy::records(&preview);
        let text = legacy::to_text(&records);
        match self.import_watched(ctx, &text, progress) {
            Ok(summary) => Ok(summary),
            Err(ImportError::Failed(e)) => Err(e),
            Err(ImportError::Invalid(lines)) => Err(Error::Invalid(
                lines
                    .iter()
                    .map(|l| {
                        // "Dòng N, trường `x`: what" → the row the record came from.
                        let what = l
                            .message_vi
                            .split_once(": ")
                            .map_or(l.message_vi.as_str(), |(_, w)| w);
                        match source.get(l.line.wrapping_sub(1)).cloned().flatten() {
                            Some((sheet, row)) => FieldError::new(
                                &format!("row.{sheet}.{row}"),
                                at(&sheet, row, what),
                            ),
                            None => FieldError::new("file", what.to_owned()),
                        }
                    })
                    .collect(),
            )),
        }
    }
}
