//! Who may do what: the officers' roles and the permission matrix, in one table.
//!
//! The core's use cases call `ctx.require(Permission::…)` before they touch anything; the
//! window only hides what the core would refuse anyway. An officer may hold several roles
//! (in a small commune the reception officer often handles petitions too).
//!
//! ```
//! use tiepdan_vocab::access::{OfficerRole, Permission, Roles};
//! let reception = Roles::of(&[OfficerRole::Reception]);
//! assert!(reception.may(Permission::RecordVisit));
//! assert!(!reception.may(Permission::ApproveReveal));
//! ```

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use OfficerRole::{Admin, Handler, Leader, Reception};

/// An officer's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OfficerRole {
    /// Cán bộ tiếp công dân.
    Reception,
    /// Cán bộ xử lý, giải quyết đơn.
    Handler,
    /// Lãnh đạo (Chủ tịch, Phó Chủ tịch).
    Leader,
    /// Quản trị hệ thống.
    Admin,
}

/// Something a role may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Record a visit and its petitions; drafts, receipts, booking a citizen.
    RecordVisit,
    /// Attach a scanned document to a petition.
    Attach,
    /// Correct or merge a citizen's record.
    CorrectCitizen,
    /// Route, accept, resolve: the handling of a petition and its documents and tasks.
    HandlePetition,
    /// Add a body to the list of agencies.
    EditAgencies,
    /// Assign a case's responsible officer or leader.
    AssignCase,
    /// Plan and change the heads' reception days.
    ManageSchedule,
    /// Conclude a reception session (Thông báo kết luận).
    ConcludeSession,
    /// Freeze a statistical report as submitted.
    SubmitReport,
    /// Produce files: registers, reports, notices, a citizen's data.
    ExportFiles,
    /// Export the whole interchange file (redacted) for another system.
    ExportData,
    /// See a denouncer's identity (each view is logged).
    SeeDenouncer,
    /// Approve another officer's request to see a denouncer's identity.
    ApproveReveal,
    /// The office's profile, legal rule files, holidays.
    ManageRules,
    /// Officers, accounts and passwords.
    ManageAccounts,
    /// Import an interchange file.
    ImportData,
    /// Take a backup.
    Backup,
    /// Restore from a backup.
    Restore,
    /// Read the audit trail (who did and who saw what).
    ReadAudit,
    /// Void a visit recorded twice or in error (kept, marked, left out of everything).
    VoidRecord,
}

/// The permission matrix: each permission and the roles that hold it.
pub const MATRIX: &[(Permission, &[OfficerRole])] = &[
    (Permission::RecordVisit, &[Reception, Handler, Leader]),
    (Permission::Attach, &[Reception, Handler, Leader]),
    (Permission::CorrectCitizen, &[Reception, Handler, Leader]),
    (Permission::HandlePetition, &[Handler, Leader]),
    (Permission::EditAgencies, &[Handler, Leader, Admin]),
    (Permission::AssignCase, &[Leader]),
    (Permission::ManageSchedule, &[Reception, Leader, Admin]),
    (Permission::ConcludeSession, &[Leader]),
    (Permission::SubmitReport, &[Leader]),
    (
        Permission::ExportFiles,
        &[Reception, Handler, Leader, Admin],
    ),
    (Permission::ExportData, &[Leader, Admin]),
    (Permission::SeeDenouncer, &[Handler, Leader]),
    (Permission::ApproveReveal, &[Leader]),
    (Permission::ManageRules, &[Admin]),
    (Permission::ManageAccounts, &[Admin]),
    (Permission::ImportData, &[Admin]),
    (Permission::Backup, &[Reception, Handler, Leader, Admin]),
    (Permission::Restore, &[Admin]),
    (Permission::ReadAudit, &[Leader, Admin]),
    (Permission::VoidRecord, &[Handler, Leader]),
];

impl Permission {
    /// The roles that hold this permission.
    pub fn roles(self) -> &'static [OfficerRole] {
        MATRIX
            .iter()
            .find(|(p, _)| *p == self)
            .map(|(_, r)| *r)
            .unwrap_or(&[])
    }

    /// What it allows, in the words of a refusal: "Bạn không có quyền {label}."
    pub fn label_vi(self) -> &'static str {
        match self {
            Permission::RecordVisit => "ghi lượt tiếp công dân và nhận đơn",
            Permission::Attach => "đính kèm tài liệu",
            Permission::CorrectCitizen => "sửa hoặc gộp thông tin công dân",
            Permission::HandlePetition => "xử lý, giải quyết đơn",
            Permission::EditAgencies => "sửa danh mục cơ quan",
            Permission::AssignCase => "phân công cán bộ, lãnh đạo phụ trách vụ việc",
            Permission::ManageSchedule => "lập và sửa lịch tiếp công dân định kỳ",
            Permission::ConcludeSession => "ký thông báo kết luận buổi tiếp",
            Permission::SubmitReport => "chốt số liệu báo cáo đã gửi",
            Permission::ExportFiles => "xuất sổ sách, biểu mẫu ra tệp",
            Permission::ExportData => "xuất toàn bộ dữ liệu",
            Permission::SeeDenouncer => "xem danh tính người tố cáo",
            Permission::ApproveReveal => "duyệt đề nghị xem danh tính người tố cáo",
            Permission::ManageRules => "sửa thông tin cơ quan, quy định và lịch làm việc",
            Permission::ManageAccounts => "quản lý cán bộ và tài khoản",
            Permission::ImportData => "nhập dữ liệu từ tệp",
            Permission::Backup => "sao lưu dữ liệu",
            Permission::Restore => "khôi phục dữ liệu từ bản sao lưu",
            Permission::ReadAudit => "xem nhật ký thao tác",
            Permission::VoidRecord => "hủy lượt tiếp ghi nhầm hoặc ghi trùng",
        }
    }
}

impl OfficerRole {
    pub const ALL: [OfficerRole; 4] = [Reception, Handler, Leader, Admin];

    pub fn label_vi(self) -> &'static str {
        match self {
            Reception => "Cán bộ tiếp công dân",
            Handler => "Cán bộ xử lý đơn",
            Leader => "Lãnh đạo",
            Admin => "Quản trị hệ thống",
        }
    }

    fn bit(self) -> u8 {
        match self {
            Reception => 1,
            Handler => 2,
            Leader => 4,
            Admin => 8,
        }
    }
}

/// A set of roles. Serialised as the list of their names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Roles(u8);

impl Roles {
    /// No role: the system's own upkeep, which may run no officer's use case.
    pub const NONE: Roles = Roles(0);
    /// Every role: the library's tests and benchmarks, and a plain (unencrypted) store
    /// on the command line, which anyone with the file could read and write anyway.
    pub const ALL: Roles = Roles(15);

    pub fn of(roles: &[OfficerRole]) -> Roles {
        Roles(roles.iter().fold(0, |acc, r| acc | r.bit()))
    }

    pub fn has(self, role: OfficerRole) -> bool {
        self.0 & role.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether any of these roles holds `p`.
    pub fn may(self, p: Permission) -> bool {
        p.roles().iter().any(|r| self.has(*r))
    }

    pub fn list(self) -> Vec<OfficerRole> {
        OfficerRole::ALL
            .into_iter()
            .filter(|r| self.has(*r))
            .collect()
    }

    /// "Lãnh đạo, Quản trị hệ thống".
    pub fn label_vi(self) -> String {
        let names: Vec<&str> = self.list().iter().map(|r| r.label_vi()).collect();
        names.join(", ")
    }
}

impl Serialize for Roles {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.list().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Roles {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Roles::of(&Vec::<OfficerRole>::deserialize(d)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_permission_is_in_the_matrix_once() {
        use Permission::*;
        let all = [
            RecordVisit,
            Attach,
            CorrectCitizen,
            HandlePetition,
            EditAgencies,
            AssignCase,
            ManageSchedule,
            ConcludeSession,
            SubmitReport,
            ExportFiles,
            ExportData,
            SeeDenouncer,
            ApproveReveal,
            ManageRules,
            ManageAccounts,
            ImportData,
            Backup,
            Restore,
            ReadAudit,
            VoidRecord,
        ];
        assert_eq!(all.len(), MATRIX.len());
        for p in all {
            assert_eq!(MATRIX.iter().filter(|(q, _)| *q == p).count(), 1, "{p:?}");
            assert!(!p.roles().is_empty(), "{p:?} is held by someone");
        }
    }

    #[test]
    fn leader_only_and_admin_only_actions() {
        let reception = Roles::of(&[Reception]);
        let admin = Roles::of(&[Admin]);
        let leader = Roles::of(&[Leader]);
        for p in [
            Permission::ApproveReveal,
            Permission::AssignCase,
            Permission::SubmitReport,
        ] {
            assert!(leader.may(p) && !reception.may(p) && !admin.may(p), "{p:?}");
        }
        assert!(admin.may(Permission::ManageAccounts));
        assert!(!leader.may(Permission::ManageAccounts));
        assert!(!admin.may(Permission::SeeDenouncer));
        assert!(!reception.may(Permission::SeeDenouncer));
        assert!(!Roles::NONE.may(Permission::Backup));
        assert!(Roles::ALL.may(Permission::Restore));
    }

    #[test]
    fn roles_serialise_as_a_list_of_names() {
        let r = Roles::of(&[Leader, Reception]);
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"["reception","leader"]"#
        );
        let back: Roles = serde_json::from_str(r#"["leader","reception"]"#).unwrap();
        assert_eq!(back, r);
        assert_eq!(r.label_vi(), "Cán bộ tiếp công dân, Lãnh đạo");
    }
}
