//! A computed report as Excel in the template's layout (rust_xlsxwriter), or as PDF
//! (`print::report`): the issuing body
//! and the form number above, the title and period, the nested header merged from each
//! column's header path, the MS row, the office's row of numbers, and the signature block.
//! A4 landscape, fitted to one page wide. Written in the viewing folder (`DataDir::view`).

use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use crate::desk::Desk;
use crate::desk::registers_xlsx::RegisterFile;
use crate::domain::report::period::Period;
use crate::domain::report::{Template, header_cells};
use crate::error::{Error, FieldError, Result};

fn sheet_bytes(
    template: Template,
    period: Period,
    office: &crate::domain::office::Office,
    values: &[i64],
) -> std::result::Result<Vec<u8>, XlsxError> {
    let columns = template.columns();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(template.code().replace('/', " "))?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_margins(0.3, 0.3, 0.5, 0.5, 0.3, 0.3);
    sheet.set_print_fit_to_pages(1, 0);
    let last = columns.len() as u16;
    let font = |f: Format| f.set_font_name("Times New Roman").set_font_size(11);
    let centre = font(Format::new().set_align(FormatAlign::Center).set_text_wrap());
    let bold = centre.clone().set_bold();
    let merge = |sheet: &mut rust_xlsxwriter::Worksheet, r1, c1, r2, c2, text: &str, f: &Format| {
        if (r1, c1) == (r2, c2) {
            sheet.write_string_with_format(r1, c1, text, f).map(|_| ())
        } else {
            sheet.merge_range(r1, c1, r2, c2, text, f).map(|_| ())
        }
    };
    let half = last / 2;
    merge(
        sheet,
        0,
        0,
        0,
        half.saturating_sub(1),
        &office.parent.to_uppercase(),
        &centre,
    )?;
    merge(
        sheet,
        1,
        0,
        1,
        half.saturating_sub(1),
        &office.name.to_uppercase(),
        &bold,
    )?;
    merge(
        sheet,
        0,
        half,
        0,
        last,
        &format!("Biểu số: {}", template.code()),
        &bold,
    )?;
    merge(
        sheet,
        1,
        half,
        1,
        last,
        "(Ban hành kèm theo Thông tư số 01/2024/TT-TTCP)",
        &font(Format::new().set_italic().set_align(FormatAlign::Center)),
    )?;
    merge(
        sheet,
        3,
        0,
        3,
        last,
        template.title_vi(),
        &bold.clone().set_font_size(13),
    )?;
    merge(sheet, 4, 0, 4, last, &period.title_vi(), &centre)?;
    merge(
        sheet,
        5,
        0,
        5,
        last,
        &period.range_vi(),
        &font(Format::new().set_italic().set_align(FormatAlign::Center)),
    )?;
    let top = 7u32;
    let head = font(
        Format::new()
            .set_bold()
            .set_text_wrap()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
    );
    let cells = header_cells(columns);
    let depth = cells.iter().map(|h| h.row + h.rows).max().unwrap_or(1);
    merge(sheet, top, 0, top + depth - 1, 0, "Đơn vị", &head)?;
    for h in cells {
        let (r, c) = (top + h.row, 1 + h.col);
        merge(sheet, r, c, r + h.rows - 1, c + h.cols - 1, &h.text, &head)?;
    }
    let ms_row = top + depth;
    let ms = font(
        Format::new()
            .set_italic()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center),
    );
    sheet.write_string_with_format(ms_row, 0, "MS", &ms)?;
    for (i, c) in columns.iter().enumerate() {
        sheet.write_string_with_format(ms_row, 1 + i as u16, template.ms_label(c.ms), &ms)?;
    }
    let cell = font(
        Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_num_format("#,##0"),
    );
    let data_row = ms_row + 1;
    sheet.write_string_with_format(
        data_row,
        0,
        &office.name,
        &font(Format::new().set_border(FormatBorder::Thin).set_text_wrap()),
    )?;
    let decimal = cell.clone().set_num_format("#,##0.0##");
    for (i, (c, v)) in columns.iter().zip(values).enumerate() {
        let scale = template.scale(c.ms);
        let format = if v % scale == 0 { &cell } else { &decimal };
        sheet.write_number_with_format(data_row, 1 + i as u16, *v as f64 / scale as f64, format)?;
    }
    sheet.set_column_width(0, 22)?;
    for i in 0..columns.len() {
        sheet.set_column_width(1 + i as u16, 7.5)?;
    }
    for r in top..top + depth {
        sheet.set_row_height(r, 48)?;
    }
    sheet.set_repeat_rows(top, ms_row)?;
    let sign = data_row + 2;
    merge(sheet, sign, half, sign, last, "THỦ TRƯỞNG ĐƠN VỊ", &bold)?;
    merge(
        sheet,
        sign + 1,
        half,
        sign + 1,
        last,
        "(Ký, ghi rõ họ tên, đóng dấu)",
        &font(Format::new().set_italic().set_align(FormatAlign::Center)),
    )?;
    merge(sheet, sign + 5, half, sign + 5, last, &office.chair, &bold)?;
    merge(
        sheet,
        sign,
        0,
        sign,
        half.saturating_sub(1),
        "NGƯỜI LẬP BIỂU",
        &bold,
    )?;
    book.save_to_buffer()
}

impl Desk {
    /// `template` for `period` as the bytes of an Excel file.
    pub fn report_xlsx(&self, template: Template, period: Period) -> Result<Vec<u8>> {
        self.signed_in()?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let t = self.compute_report(template, period)?;
        sheet_bytes(template, period, &office, &t.values).map_err(|e| {
            Error::Invalid(vec![FieldError::new(
                "report",
                format!("Không tạo được tệp Excel: {e}"),
            )])
        })
    }

    /// Writes `template` for `period` as Excel in the viewing folder (`DataDir::view`).
    pub fn export_report_xlsx(
        &self,
        template: Template,
        period: Period,
        now: NaiveDateTime,
    ) -> Result<RegisterFile> {
        self.signed_in()?;
        let bytes = self.report_xlsx(template, period)?;
        let path = crate::desk::files::export_path(
            &self.dir,
            &report_stem(template, period),
            now,
            "xlsx",
        )?;
        let path = crate::desk::files::write_copy(&path, &bytes)?;
        Ok(RegisterFile {
            path: path.display().to_string(),
            rows: 1,
        })
    }
}

impl Desk {
    /// `template` for `period` as a PDF table (A4 landscape).
    pub fn report_pdf(
        &self,
        template: Template,
        period: Period,
        today: chrono::NaiveDate,
    ) -> Result<Vec<u8>> {
        self.signed_in()?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let t = self.compute_report(template, period)?;
        let header = header_cells(template.columns());
        let ms: Vec<String> = template
            .columns()
            .iter()
            .map(|c| template.ms_label(c.ms))
            .collect();
        let place_and_date = format!("{}, {}", office.place, crate::print::date_in_words(today));
        let texts: Vec<String> = template
            .columns()
            .iter()
            .zip(&t.values)
            .map(|(c, v)| template.text(c.ms, *v))
            .collect();
        Ok(crate::print::report::render(
            &crate::print::report::ReportTable {
                parent: &office.parent,
                agency: &office.name,
                code: template.code(),
                title: template.title_vi(),
                period_title: &period.title_vi(),
                period_range: &period.range_vi(),
                header: &header,
                ms: &ms,
                values: &texts,
                chair: &office.chair,
                place_and_date: &place_and_date,
                audit_head: &self.audit_head()?,
            },
        ))
    }
}

impl Desk {
    /// Writes `template` for `period` as PDF in the viewing folder (`DataDir::view`).
    pub fn export_report_pdf(
        &self,
        template: Template,
        period: Period,
        now: NaiveDateTime,
    ) -> Result<RegisterFile> {
        self.signed_in()?;
        let bytes = self.report_pdf(template, period, now.date())?;
        let path =
            crate::desk::files::export_path(&self.dir, &report_stem(template, period), now, "pdf")?;
        let path = crate::desk::files::write_copy(&path, &bytes)?;
        Ok(RegisterFile {
            path: path.display().to_string(),
            rows: 1,
        })
    }
}

impl Desk {
    /// The written report for `period` as an editable .docx draft, its figures from every
    /// table computed once.
    pub fn written_report_docx(&self, period: Period, today: NaiveDate) -> Result<Vec<u8>> {
        self.report_draft(period, today, None)
    }

    /// The written report, or (`plan`) a plan's report over its figures.
    fn report_draft(
        &self,
        period: Period,
        today: NaiveDate,
        plan: Option<&str>,
    ) -> Result<Vec<u8>> {
        self.signed_in()?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let tables = self.compute_all_reports(period)?;
        let place_and_date = format!("{}, {}", office.place, crate::print::date_in_words(today));
        Ok(crate::print::written_report::render(
            &crate::print::written_report::WrittenReport {
                parent: &office.parent,
                agency: &office.name,
                place_and_date: &place_and_date,
                chair: &office.chair,
                period_title: &period.title_vi(),
                period_range: &period.range_vi(),
                tables: &tables,
                plan,
            },
        ))
    }

    /// Writes the written report for `period` as .docx in the viewing folder (`DataDir::view`).
    pub fn export_written_report(
        &self,
        period: Period,
        now: NaiveDateTime,
    ) -> Result<RegisterFile> {
        self.signed_in()?;
        let bytes = self.written_report_docx(period, now.date())?;
        let stem = format!(
            "bao-cao-bang-van-ban-{}-{}",
            period.from.format("%Y%m%d"),
            period.to.format("%Y%m%d")
        );
        let path = crate::desk::files::export_path(&self.dir, &stem, now, "docx")?;
        let path = crate::desk::files::write_copy(&path, &bytes)?;
        Ok(RegisterFile {
            path: path.display().to_string(),
            rows: 1,
        })
    }
}

/// "bao-cao-01-xld-20251215-20260614".
fn report_stem(template: Template, period: Period) -> String {
    format!(
        "bao-cao-{}-{}-{}",
        template.code().replace('/', "-").to_lowercase(),
        period.from.format("%Y%m%d"),
        period.to.format("%Y%m%d")
    )
}

impl Desk {
    /// The draft of the report due under a plan (its reminder's `key`), its figures from the
    /// plan's first day to its due day (or today, if sooner), as .docx in the viewing folder.
    pub fn export_plan_report(&self, ctx: &crate::audit::Ctx, key: &str) -> Result<RegisterFile> {
        self.signed_in()?;
        let rule = self
            .rules
            .reminders
            .dated
            .iter()
            .find(|d| crate::domain::reminders::dated_key(d) == key)
            .ok_or_else(|| {
                Error::invalid("key", "Không có báo cáo theo kế hoạch này trong quy định.")
            })?;
        let today = ctx.now.date();
        let from = rule.from.unwrap_or_else(|| {
            crate::domain::report::period::Period::of(
                crate::domain::report::period::PeriodKind::Year,
                chrono::Datelike::year(&rule.due),
            )
            .from
        });
        let period = Period::custom(from, today.min(rule.due).max(from))
            .map_err(|e| Error::Invalid(vec![e]))?;
        let bytes = self.report_draft(period, today, Some(&rule.title))?;
        let stem = format!("bao-cao-ke-hoach-{}", rule.due.format("%Y%m%d"));
        let path = crate::desk::files::export_path(&self.dir, &stem, ctx.now, "docx")?;
        let path = crate::desk::files::write_copy(&path, &bytes)?;
        Ok(RegisterFile {
            path: path.display().to_string(),
            rows: 1,
        })
    }
}
