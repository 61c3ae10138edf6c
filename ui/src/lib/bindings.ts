// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p tiepdan-core ipc`.
// Do not edit by hand.

export type ErrorData = { code: string, message_vi: string, fields: Array<FieldError>, };

export type FieldError = { field: string, message_vi: string, };

export type Office = { name: string, parent: string, place: string, province: string, commune_code: string | null, remote_area: boolean, chair: string, party_secretary: string | null, };

export type OfficeInput = { 
/**
 * Full name, e.g. "Ủy ban nhân dân xã Ba Tơ".
 */
name: string, 
/**
 * The body above it, e.g. "Ủy ban nhân dân tỉnh Quảng Ngãi".
 */
parent: string, 
/**
 * Place name used in the date line of documents (địa danh), e.g. "Ba Tơ".
 */
place: string, province: string, 
/**
 * Official 5-digit commune code, optional.
 */
commune_code: string | null, 
/**
 * Vùng sâu, vùng xa, đi lại khó khăn: lengthens complaint deadlines.
 */
remote_area: boolean, 
/**
 * Chủ tịch UBND.
 */
chair: string, 
/**
 * Bí thư Đảng ủy, optional.
 */
party_secretary: string | null, };

export type OfficerRole = "reception" | "handler" | "leader" | "admin";

export type OfficerInput = { full_name: string, title: string, role: OfficerRole, };

export type Officer = { id: number, full_name: string, title: string, role: OfficerRole, active: boolean, };

export type OfficerEdit = { officer_id: number, full_name: string, title: string, active: boolean, };

export type Permission = "record_visit" | "attach" | "correct_citizen" | "handle_petition" | "edit_agencies" | "assign_case" | "manage_schedule" | "conclude_session" | "submit_report" | "export_files" | "export_data" | "see_denouncer" | "approve_reveal" | "manage_rules" | "manage_accounts" | "import_data" | "backup" | "restore" | "read_audit" | "void_record";

export type SignedIn = { officer_id: number, login: string, full_name: string, roles: Array<OfficerRole>, 
/**
 * Opened with the recovery key, not a password: only to set a new password.
 */
by_recovery_key: boolean, };

export type SignedInView = { session: SignedIn, permissions: Array<Permission>, };

export type AccessState = { "state": "needs_setup", plain_data: boolean, } | { "state": "sign_in" };

export type AccessView = { access: AccessState, session: SignedInView | null, data_dir: string, idle_lock_seconds: number, };

export type AccountInput = { 
/**
 * An officer already in the catalogue, or `None` to add one with the name below.
 */
officer_id: number | null, full_name: string, title: string, login: string, password: string, password_again: string, roles: Array<OfficerRole>, };

export type AccountView = { officer_id: number, login: string, full_name: string, 
/**
 * Chức vụ.
 */
title: string, roles: Array<OfficerRole>, active: boolean, };

export type SetupDone = { session: SignedIn, recovery_key: string, 
/**
 * Where the plain data was backed up before it was encrypted (then encrypted too).
 */
encrypted_existing_data: boolean, };

export type RevealRequest = { id: number, petition_id: number, petition_summary: string, requested_by: string, reason: string, requested_at: string, 
/**
 * `None` while waiting; then approved or refused.
 */
approved: boolean | null, decided_by: string | null, decision_note: string | null, 
/**
 * When the approved view was used (an approval is good for one view).
 */
used_at: string | null, };

export type RevealStatus = { 
/**
 * The signed-in officer's roles hold the right: a reason is all they need.
 */
may_view: boolean, 
/**
 * This officer's latest request for this petition, if any.
 */
request: RevealRequest | null, };

export type IdentityKeyStatus = { 
/**
 * This session holds the key (a handler or leader it was granted to).
 */
held: boolean, 
/**
 * The office's first key is still in use: no handler or leader has signed in yet.
 */
first_key: boolean, 
/**
 * Accounts holding a grant, by login.
 */
granted: Array<string>, 
/**
 * Active handler and leader accounts still without one.
 */
pending: Array<string>, 
/**
 * When the recovery code was last written down (`YYYY-MM-DDTHH:MM:SS`).
 */
recovery_saved_at: string | null, };

export type ReceivedMail = { case_id: number, citizen_ids: Array<number>, petition_ids: Array<number>, 
/**
 * The case existed before (a content received again).
 */
repeat: boolean, };

export type MailInput = { 
/**
 * `YYYY-MM-DD`: the day the office received it.
 */
received_on: string, channel: Channel, 
/**
 * Forwarded: the body that forwarded it (Danh mục cơ quan).
 */
forwarded_by: number | null, 
/**
 * Forwarded: the forwarding letter's number and date ("125/BTCD-NV ngày 02/12/2026").
 */
forwarded_doc: string | null, 
/**
 * Who signed it; empty when every petition is unsigned (a denunciation or feedback).
 */
citizens: Array<CitizenRef>, 
/**
 * One content forwarded by several bodies, or sent again, is one case.
 */
case: CaseChoice, petitions: Array<PetitionInput>, };

export type Channel = "post" | "box" | "forwarded" | "online";

export type RevealedIdentity = { denouncers: Array<Citizen>, logged_at: string, };

export type Agency = { id: number, name: string, role: AgencyRole, address: string | null, };

export type AgencyInput = { name: string, role: AgencyRole, address: string | null, };

export type AgencyRole = "commune_chair" | "commune_vice_chair" | "commune_committee_member" | "commune_office_head" | "commune_official" | "commune_police" | "province_chair" | "province_department" | "court" | "procuracy" | "party_member" | "enterprise" | "private_person" | "other";

export type IdKind = "cccd" | "cmnd" | "passport" | "other" | "none";

export type Sex = "male" | "female";

export type CitizenInput = { full_name: string, id_kind: IdKind, id_number: string | null, 
/**
 * Ngày cấp, `YYYY-MM-DD`.
 */
id_issued_on: string | null, 
/**
 * Nơi cấp.
 */
id_issued_by: string | null, birth_year: number | null, gender: Sex | null, address: string, phone: string | null, };

export type Citizen = { id: number, full_name: string, id_kind: IdKind, id_number: string | null, birth_year: number | null, gender: Sex | null, address: string, phone: string | null, };

export type MatchKind = "id_number" | "exact_name" | "folded_name";

export type CaseSummary = { id: number, title: string, opened_on: string, status: string, visits: number, petitions: number, };

export type CitizenMatch = { citizen: Citizen, matched_by: MatchKind, 
/**
 * The cases this citizen came about, newest first.
 */
cases: Array<CaseSummary>, };

export type Reception = "regular" | "periodic" | "ad_hoc";

export type ReceivedBy = "head" | "delegate" | "officer";

export type PetitionKind = "complaint" | "denunciation" | "recommendation" | "feedback";

export type Field = "policy" | "land" | "civil_service" | "corruption" | "judicial" | "party" | "other_admin" | "other";

export type DecisionKind = "administrative" | "disciplinary" | "dismissal";

export type PaperInput = { title: string, 
/**
 * Bản chính (true) or bản sao.
 */
original: boolean, 
/**
 * A copy that is certified (bản sao có chứng thực).
 */
certified: boolean, pages: number | null, };

export type PetitionInput = { kind: PetitionKind, field: Field, summary: string, anonymous: boolean, respondent_role: AgencyRole | null, respondent_name: string | null, 
/**
 * Complaints: 1 (lần đầu) or 2 (lần hai).
 */
instance: number | null, 
/**
 * Complaints: when the contested decision was received or learned of, `YYYY-MM-DD`.
 */
contested_on: string | null, 
/**
 * Complaints: an administrative decision (default) or a disciplinary one.
 */
decision_kind: DecisionKind | null, 
/**
 * Denunciations: presented orally in person, with no written đơn (Luật Tố cáo Điều 24
 * khoản 2: one outside the office's competence is guided, not transferred).
 */
oral: boolean, papers: Array<PaperInput>, 
/**
 * The sub-field the officer names (môi trường, giải phóng mặt bằng…), optional.
 */
subfield: string | null, };

export type CitizenRef = { "existing": number } | { "new": CitizenInput };

export type CaseChoice = "new" | { "existing": number };

export type VisitInput = { 
/**
 * `YYYY-MM-DDTHH:MM`, Vietnam local time.
 */
at: string, reception: Reception, received_by: ReceivedBy, citizens: Array<CitizenRef>, 
/**
 * Positions in `citizens` of those who speak for the group; empty = the first.
 */
representatives: Array<number>, 
/**
 * Head-count, at least the number of citizens named.
 */
people: number, case: CaseChoice, summary: string, outcome: string, petitions: Array<PetitionInput>, };

export type RecordedVisit = { visit_id: number, case_id: number, 
/**
 * In the order of the input's citizens.
 */
citizen_ids: Array<number>, petition_ids: Array<number>, 
/**
 * A repeat visit: the case existed before.
 */
repeat: boolean, };

export type Draft = { form: string, content: unknown, 
/**
 * `YYYY-MM-DDTHH:MM:SS`.
 */
updated_at: string, };

export type VisitPerson = { citizen_id: number, full_name: string, id_number: string | null, id_issued_on: string | null, id_issued_by: string | null, gender: Sex | null, address: string, phone: string | null, representative: boolean, };

export type VisitPetition = { id: number, kind: PetitionKind, summary: string, anonymous: boolean, papers: Array<PaperInput>, };

export type VisitRecord = { id: number, case_id: number, case_title: string, 
/**
 * `YYYY-MM-DDTHH:MM:SS`.
 */
at: string, reception: Reception, received_by: ReceivedBy, people: number, repeat: boolean, summary: string, outcome: string, 
/**
 * The officer who recorded the visit (signed in at the desk), when known.
 */
officer_name: string | null, 
/**
 * In the order typed; representatives flagged.
 */
people_named: Array<VisitPerson>, 
/**
 * The names were withheld: a denunciation was handed in at this visit.
 */
withheld: boolean, petitions: Array<VisitPetition>, };

export type VisitForm = "receipt" | "appointment" | "minutes";

export type PrintOptions = { 
/**
 * Phiếu hẹn: `YYYY-MM-DDTHH:MM`.
 */
appointment_at: string | null, 
/**
 * Phiếu hẹn: where to come; default the office's reception room.
 */
appointment_place: string | null, 
/**
 * Phiếu hẹn: what for.
 */
appointment_purpose: string | null, };

export type IssuedDocument = { id: number, 
/**
 * The stored form name: "receipt", "transfer", …
 */
form: string, 
/**
 * Its name in Vietnamese: "giấy biên nhận", "công văn chuyển đơn", …
 */
title: string, 
/**
 * "05/GBN-UBND".
 */
number_label: string, issued_on: string, path: string, 
/**
 * `true` when the document had been issued before and was printed again unchanged.
 */
reprint: boolean, sha256: string, };

export type PrintedDocument = { document: IssuedDocument, opened: boolean, };

export type HitKind = "citizen" | "petition" | "visit";

export type RegisterFilter = { from: string | null, to: string | null, 
/**
 * Words found (without tones) in the summary.
 */
text: string | null, kind: PetitionKind | null, 
/**
 * At most this many rows, newest first (0 = all, for the Excel file).
 */
limit: number, 
/**
 * Petitions only: the locality key of a hot spot (a petitioner's address names it).
 */
locality: string | null, 
/**
 * Petitions only: the sub-field key of a hot spot.
 */
subfield: string | null, 
/**
 * Petitions only: still being handled, overdue, or done.
 */
status: RegisterStatus | null, 
/**
 * Petitions only: the officer responsible for the case.
 */
officer_id: number | null, 
/**
 * Petitions only: carrying this flag (đông người, kéo dài, phức tạp, vượt cấp).
 */
flag: Flag | null, };

export type RegisterStatus = "open" | "overdue" | "done";

export type ReceptionRow = { visit_id: number, at: string, 
/**
 * Representatives: "Họ tên — địa chỉ — số giấy tờ", one per line.
 */
who: string, people: number, content: string, 
/**
 * "Khiếu nại, Kiến nghị" or "Không có đơn".
 */
kinds: string, reception: Reception, received_by: ReceivedBy, 
/**
 * The officer who recorded the visit, when known.
 */
officer_name: string | null, repeat: boolean, outcome: string, };

export type PetitionRow = { petition_id: number, received_on: string, who: string, kind: PetitionKind, field: Field, summary: string, channel: string, forwarded_by: string, 
/**
 * The latest handling recorded, in Vietnamese, or "Chưa xử lý".
 */
handling: string, 
/**
 * The earliest office deadline not yet met, while the petition is open.
 */
next_due: string | null, 
/**
 * Crowd, long-running, complex, over-the-level (as of the day asked).
 */
flags: Array<Flag>, };

export type Register = "reception" | "petitions";

export type RegisterFile = { path: string, rows: number, };

export type Counts = { created: number, changed: number, unchanged: number, };

export type ImportSummary = { office: Counts, calendar: Counts, agencies: Counts, citizens: Counts, 
/**
 * Includes the cases made for visits and petitions that name none.
 */
cases: Counts, petitions: Counts, visits: Counts, reception_plans: Counts, };

export type LegacyPreview = { sheets: Array<LegacySheet>, 
/**
 * Sheets without a register header, left out.
 */
skipped: Array<string>, rows: Array<LegacyRow>, 
/**
 * Rows with at least one problem.
 */
problems: number, };

export type LegacySheet = { name: string, register: LegacyRegister, columns: Array<LegacyColumn>, rows: number, };

export type LegacyRow = { sheet: string, 
/**
 * The row's number as the spreadsheet shows it.
 */
row: number, register: LegacyRegister, full_name: string, address: string, id_number: string | null, phone: string | null, 
/**
 * `YYYY-MM-DD`.
 */
received_on: string | null, kind: PetitionKind | null, field: Field, 
/**
 * The field was guessed from the summary (no "Lĩnh vực" column).
 */
field_guessed: boolean, summary: string, people: number, 
/**
 * The result column as written.
 */
result: string, 
/**
 * What the import records as its handling ("Chuyển đơn — Phòng Kinh tế"), if the
 * result says it plainly.
 */
handling: string | null, problems: Array<string>, };

export type LegacyColumn = { header: string, field: LegacyField | null, 
/**
 * What the column is read as, in Vietnamese ("Họ tên"; "Không dùng").
 */
label: string, };

export type LegacyField = "number" | "name" | "address" | "name_and_address" | "id_number" | "phone" | "date" | "summary" | "kind" | "field" | "people" | "result" | "note";

export type LegacyRegister = "reception" | "petitions";

export type Action = "accept" | "decline" | "transfer" | "guide" | "return" | "file" | "remind" | "review";

export type Proposal = { action: Action, authority: string, basis: string, reason: string, };

export type Handled = { on: string, action: Action, to: string | null, reason: string | null, };

export type PetitionView = { id: number, kind: PetitionKind, summary: string, received_on: string, respondent_role: AgencyRole | null, respondent_name: string | null, 
/**
 * Several matters for several bodies (set by the officer).
 */
several_contents: boolean, 
/**
 * The sub-field the officer named (lĩnh vực chi tiết).
 */
subfield: string | null, 
/**
 * How many signed the petition (0: no signature).
 */
signatories: number, 
/**
 * The locality the first petitioner's address names (never a denouncer's).
 */
locality: string | null, 
/**
 * Crowd, long-running, complex, over-the-level.
 */
flags: Array<Flag>, 
/**
 * The officer responsible for the petition's case.
 */
owner_id: number | null, 
/**
 * The leader responsible for it.
 */
leader_id: number | null, 
/**
 * Complaints: 1 or 2.
 */
instance: number | null, 
/**
 * Complaints: when the contested decision was received, `YYYY-MM-DD`.
 */
contested_on: string | null, decision_kind: DecisionKind | null, 
/**
 * Denunciations presented orally in person.
 */
oral: boolean, field: Field, 
/**
 * Vụ việc phức tạp (the longer periods).
 */
complex: boolean, 
/**
 * Handed in at a visit (its day is the visit's).
 */
at_visit: boolean, anonymous: boolean, 
/**
 * An anonymous denunciation that names the wrongdoer and brings what to check.
 */
specific: boolean, 
/**
 * A complaint a court has accepted or decided.
 */
court_accepted: boolean, proposal: Proposal, handled: Array<Handled>, };

export type HandleInput = { petition_id: number, 
/**
 * `YYYY-MM-DD`.
 */
on: string, action: Action, 
/**
 * The body transferred, returned or reminded to.
 */
to_agency: number | null, 
/**
 * Why the decision differs from the proposal (required then).
 */
reason: string | null, 
/**
 * What the letter lists: for a petition with several contents, one line per content
 * and the body competent for it.
 */
note: string | null, 
/**
 * Action accept: the day of acceptance (thụ lý), `YYYY-MM-DD`, when it is decided with
 * the handling — one entry meets both deadlines; absent = accepted later (casework).
 */
accepted_on: string | null, };

export type PetitionFactsInput = { petition_id: number, respondent_role: AgencyRole | null, respondent_name: string | null, 
/**
 * Complaints: 1 (lần đầu) or 2 (lần hai).
 */
instance: number | null, 
/**
 * Complaints: `YYYY-MM-DD`.
 */
contested_on: string | null, decision_kind: DecisionKind | null, 
/**
 * Denunciations: presented orally in person.
 */
oral: boolean, 
/**
 * A correction of the kind (among complaint, recommendation and feedback).
 */
kind: PetitionKind | null, field: Field | null, summary: string | null, 
/**
 * A petition not handed in at a visit: the day it was received, `YYYY-MM-DD`.
 */
received_on: string | null, 
/**
 * Vụ việc phức tạp: the longer periods of the rules.
 */
complex: boolean | null, 
/**
 * An anonymous denunciation that names the wrongdoer and brings what to check (Luật
 * Tố cáo Điều 25 khoản 2): handled, not filed.
 */
specific: boolean | null, 
/**
 * A complaint a court has accepted or decided: not accepted here.
 */
court_accepted: boolean | null, 
/**
 * The sub-field (lĩnh vực chi tiết: môi trường, giải phóng mặt bằng…): absent leaves
 * it, empty clears it. A classification, not a correction: no reason needed.
 */
subfield: string | null, 
/**
 * How many people signed (or thumb-printed) the petition: 0 for a letter without a
 * signature (a complaint is then declined, Luật Khiếu nại Điều 11). Absent leaves it.
 */
signatories: number | null, 
/**
 * Why a recorded value is corrected (required when kind, field, summary or the day
 * change).
 */
reason: string | null, };

export type HistoryVisit = { visit_id: number, 
/**
 * `YYYY-MM-DDTHH:MM:SS`.
 */
at: string, summary: string, repeat: boolean, };

export type HistoryPetition = { petition_id: number, received_on: string, kind: PetitionKind, summary: string, 
/**
 * The earliest unmet office deadline, `YYYY-MM-DD`.
 */
next_due: string | null, closed: boolean, };

export type CitizenHistory = { visits: Array<HistoryVisit>, cases: Array<CaseSummary>, petitions: Array<HistoryPetition>, };

export type OutcomeKind = "accepted" | "resolved" | "enforced" | "withdrawn" | "terminated" | "paused" | "resumed" | "dialogue" | "extended" | "reply_received";

export type Finding = "right" | "wrong" | "partly_right";

export type OutcomeInput = { petition_id: number, 
/**
 * `YYYY-MM-DD`.
 */
on: string, kind: OutcomeKind, 
/**
 * Resolved: đúng, sai, đúng một phần.
 */
result: Finding | null, 
/**
 * The decision's number ("12/QĐ-UBND").
 */
decision: string | null, 
/**
 * Withdrawn: only part of the content.
 */
partial: boolean, 
/**
 * Terminated or paused: why.
 */
reason: string | null, 
/**
 * Dialogue: what was said and agreed (the minutes' content).
 */
minutes: string | null, 
/**
 * Extended: the days added.
 */
days: number | null, 
/**
 * Resolved or enforced: the figures, keyed as the interchange format's `results`
 * (money in đồng, land in m², people).
 */
results: { [key in string]: number }, };

export type OutcomeView = { id: number, on: string, kind: OutcomeKind, result: Finding | null, decision: string | null, partial: boolean | null, reason: string | null, minutes: string | null, days: number | null, 
/**
 * The non-zero figures, as entered.
 */
results: Record<string, number>, };

export type Host = "chair" | "party_secretary" | "vice_chair";

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export type PlanRule = { "weekly": Array<Weekday> } | { "monthly": Array<number> };

export type ShiftPolicy = "next" | "previous" | "skip";

export type SessionKind = "planned" | "one_off" | "ad_hoc";

export type ScheduleIssue = { host: Host, 
/**
 * The week or month (or the day, for a delegation).
 */
from: string, to: string, 
/**
 * Sessions required and planned (0 and the count of delegated sessions for a
 * delegation).
 */
required: number, planned: number, message_vi: string, basis: string, };

export type PlanInput = { host: Host, host_name: string, rule: PlanRule, 
/**
 * `YYYY-MM-DD`.
 */
from: string, to: string | null, place: string, 
/**
 * `HH:MM`.
 */
start: string, end: string, capacity: number, };

export type PlanView = { id: number, host: Host, host_label: string, host_name: string, rule: PlanRule, 
/**
 * "thứ Năm hằng tuần".
 */
rule_label: string, from: string, to: string | null, place: string, start: string, end: string, capacity: number, };

export type SessionKey = { id: number | null, plan_id: number | null, planned_on: string | null, };

export type SessionView = { key: SessionKey, 
/**
 * `YYYY-MM-DD`.
 */
on: string, 
/**
 * "thứ Năm".
 */
weekday: string, planned_on: string | null, 
/**
 * Moved off its planned day (a holiday, by the office's policy).
 */
moved: boolean, kind: SessionKind, host: Host, host_label: string, host_name: string, place: string, start: string, end: string, capacity: number, booked: number, cancelled: string | null, };

export type ScheduleView = { from: string, to: string, policy: ShiftPolicy, sessions: Array<SessionView>, 
/**
 * Weeks or months short of the minimum, delegations no longer allowed.
 */
issues: Array<ScheduleIssue>, };

export type SessionInput = { kind: SessionKind, host: Host, host_name: string, on: string, place: string, start: string, end: string, capacity: number, };

export type BookingInput = { session: SessionKey, citizen_id: number, case_id: number | null, 
/**
 * People coming (a group's size).
 */
people: number, note: string | null, };

export type BookingView = { id: number, session_id: number, citizen_id: number, citizen_name: string, case_id: number | null, case_title: string | null, people: number, note: string | null, 
/**
 * The citizen is booked as a denouncer: `citizen_name` is withheld.
 */
secret: boolean, };

export type AssignmentInput = { case_id: number | null, citizen_id: number | null, 
/**
 * What the citizen raised.
 */
matter: string, 
/**
 * What the host concluded is to be done.
 */
task: string, 
/**
 * Who is to do it: an officer, a unit, a body.
 */
assignee: string, 
/**
 * `YYYY-MM-DD`.
 */
due: string, };

export type ConclusionInput = { session: SessionKey, items: Array<AssignmentInput>, };

export type EmptySessionInput = { session: SessionKey, 
/**
 * Who sat with the host, one per entry ("Ông Lê Văn Tâm, công chức tư pháp").
 */
members: Array<string>, };

export type AssignmentView = { id: number, session_id: number, session_on: string, host_name: string, case_id: number | null, matter: string, task: string, assignee: string, due: string, done_on: string | null, overdue: boolean, };

export type TaskKind = "enforcement" | "step" | "publication" | "review";

export type TaskInput = { petition_id: number, kind: TaskKind, what: string, who: string, 
/**
 * `YYYY-MM-DD`.
 */
due: string, };

export type TaskView = { id: number, petition_id: number, 
/**
 * What the petition is about (never a denouncer's name).
 */
petition: string, kind: TaskKind, what: string, who: string, due: string, done_on: string | null, overdue: boolean, };

export type AttachmentOwner = "visit" | "petition" | "case";

export type AttachInput = { owner: AttachmentOwner, owner_id: number, file_name: string, 
/**
 * The file's bytes, base64-encoded (as the window reads a chosen file).
 */
content_base64: string, };

export type AttachmentView = { id: number, file_name: string, media_type: string, size_bytes: number, sha256: string, 
/**
 * A `data:` URL of the image itself, for images up to 2 MB.
 */
thumbnail: string | null, };

export type WatchKind = "hot_spot" | "crowd_risk" | "over_level_risk" | "supervision" | "returns_after_end";

export type WatchInput = { 
/**
 * A petition of the case to watch.
 */
petition_id: number, kind: WatchKind, reason: string, 
/**
 * Supervision: who recommended it and in which document.
 */
source: string | null, 
/**
 * `YYYY-MM-DD`.
 */
review_on: string, };

export type WatchItem = { 
/**
 * `None` for what the app found.
 */
id: number | null, case_id: number, case_title: string, 
/**
 * A petition of the case, to open it.
 */
petition_id: number | null, kind: WatchKind, reason: string, source: string | null, review_on: string | null, 
/**
 * The review date has passed.
 */
review_due: boolean, 
/**
 * The earliest open task of the case: "Thi hành quyết định … — Công chức địa chính, hạn 20/03/2026".
 */
next_action: string | null, };

export type WorkCounts = { 
/**
 * Petitions whose handling (xử lý đơn) fell in the period.
 */
handled: number, handled_late: number, 
/**
 * Petitions resolved (quyết định giải quyết) in the period.
 */
resolved: number, resolved_late: number, 
/**
 * Cases with an office deadline not yet met, as of today (counted for the officers
 * responsible for them; 0 for fields and for cases nobody is responsible for).
 */
open_cases: number, };

export type OfficerWork = { officer_id: number | null, name: string, counts: WorkCounts, };

export type FieldWork = { field: Field, counts: WorkCounts, };

export type WorkStats = { period: Period, by_officer: Array<OfficerWork>, by_field: Array<FieldWork>, };

export type InvitationInput = { petition_id: number, 
/**
 * `YYYY-MM-DDTHH:MM`.
 */
at: string, place: string, };

export type ResolutionDocumentInput = { 
/**
 * The `resolved` event.
 */
event_id: number, 
/**
 * Kết quả xác minh.
 */
findings: string, 
/**
 * Nhận xét, kết luận.
 */
assessment: string, 
/**
 * What is decided (Điều 1) or the measures and recommendations.
 */
measures: string, };

export type VerificationInput = { 
/**
 * The `accepted` event.
 */
event_id: number, 
/**
 * Who verifies ("Công chức tư pháp - hộ tịch Lê Văn Tâm").
 */
verifier: string, 
/**
 * By when they report, `YYYY-MM-DD`.
 */
report_by: string, };

export type DirectiveKind = "inspection_conclusion" | "decision" | "denunciation_conclusion" | "supervision";

export type IntegrityState = "not_run" | "running" | "sound" | "damaged";

export type IntegrityStatus = { state: IntegrityState, 
/**
 * What was found wrong (at most 20), or why the check could not run.
 */
problems: Array<string>, 
/**
 * When it finished, `YYYY-MM-DDTHH:MM:SS`.
 */
checked_at: string | null, 
/**
 * How long it took.
 */
millis: number | null, };

export type WorkMinutesInput = { petition_id: number, 
/**
 * `YYYY-MM-DDTHH:MM`.
 */
at: string, place: string, 
/**
 * Who took part, one per entry.
 */
participants: Array<string>, content: string, };

export type VerificationReportInput = { 
/**
 * The `accepted` event whose verification decision was issued.
 */
event_id: number, findings: string, proposal: string, };

export type ProtectionRequestInput = { petition_id: number, 
/**
 * `YYYY-MM-DD`.
 */
requested_on: string, 
/**
 * Of `domain::forms::SCOPES`: "secrecy", "job", "life", "property", "honour".
 */
scopes: Array<string>, reason: string, };

export type ProtectionDecisionInput = { id: number, accept: boolean, 
/**
 * Accepted: the measures, one per line, and until when (`YYYY-MM-DD`).
 */
measures: string, until: string, 
/**
 * Refused: why.
 */
reason: string, };

export type ProtectionView = { id: number, requested_on: string, scopes: Array<string>, reason: string, decided_on: string | null, accepted: boolean | null, measures: string | null, until: string | null, decline_reason: string | null, };

export type DirectiveInput = { kind: DirectiveKind, 
/**
 * Who issued it ("Thanh tra tỉnh Quảng Ngãi").
 */
issuer: string, 
/**
 * Its number ("12/KL-TTr"); may be empty for a recommendation without one.
 */
number: string, 
/**
 * `YYYY-MM-DD`.
 */
issued_on: string, received_on: string, summary: string, tasks: Array<DirectiveTaskInput>, };

export type DirectiveTaskInput = { what: string, who: string, 
/**
 * `YYYY-MM-DD`.
 */
due: string, };

export type DirectiveView = { id: number, kind: DirectiveKind, kind_label: string, issuer: string, number: string, issued_on: string, received_on: string, summary: string, tasks: Array<DirectiveTaskView>, 
/**
 * Every task done.
 */
done: boolean, };

export type DirectiveTaskView = { id: number, what: string, who: string, due: string, done_on: string | null, result: string | null, overdue: boolean, };

export type CorrectionInput = { citizen_id: number, 
/**
 * The record as it should be.
 */
citizen: CitizenInput, 
/**
 * Why: "công dân đề nghị sửa theo căn cước".
 */
reason: string, };

export type MediationOutcome = "success" | "partial" | "failure";

export type MediationInput = { petition_id: number, 
/**
 * `YYYY-MM-DD`.
 */
on: string, mediator: string, outcome: MediationOutcome, content: string, };

export type MediationView = { id: number, on: string, mediator: string, outcome: MediationOutcome, content: string, };

export type DeadlineName = "handle" | "check" | "transfer" | "accept" | "resolve" | "second_complaint";

export type Obligation = "office" | "citizen";

export type Status = "open" | "overdue" | "closed";

export type Deadline = { name: DeadlineName, 
/**
 * The last day (the period ends at the end of it), `YYYY-MM-DD`.
 */
due: string, 
/**
 * The date of the event that met it; later than `due` when it was met late.
 */
met_on: string | null, basis: string, 
/**
 * How it was counted, in Vietnamese: start, count, unit, every shift.
 */
explain: string, 
/**
 * The rule's figures were checked against the official text.
 */
verified: boolean, obligation: Obligation, 
/**
 * An open suspension holds the clock: the due date moves on each day.
 */
suspended: boolean, };

export type PetitionDeadlines = { petition_id: number, today: string, status: Status, 
/**
 * When the petition was closed (resolved, terminated, withdrawn, handled otherwise
 * than by accepting it).
 */
closed_on: string | null, 
/**
 * Resolved, the decision not yet carried out: the case stays open.
 */
awaiting_enforcement: boolean, deadlines: Array<Deadline>, };

export type Flag = "crowd" | "long_running" | "complex" | "over_level";

export type TrendSeries = { field: Field, 
/**
 * One count per month, in the order of `months`.
 */
counts: Array<number>, };

export type Trend = { 
/**
 * `YYYY-MM`, oldest first.
 */
months: Array<string>, 
/**
 * One series per field that has any petition in the months.
 */
series: Array<TrendSeries>, };

export type HotSpot = { label: string, 
/**
 * The key the registers filter by.
 */
key: string, petitions: number, 
/**
 * Still being handled (an office deadline open).
 */
open: number, };

export type HotSpots = { 
/**
 * The first day counted, `YYYY-MM-DD` (twelve months back).
 */
since: string, localities: Array<HotSpot>, subfields: Array<HotSpot>, 
/**
 * Petitions whose petitioner's address names no locality (or denunciations).
 */
without_locality: number, without_subfield: number, };

export type DueItem = { petition_id: number, kind: PetitionKind, summary: string, received_on: string, deadline: DeadlineName, due: string, 
/**
 * Crowd, long-running, complex, over-the-level.
 */
flags: Array<Flag>, };

export type OfficerLoad = { 
/**
 * `None`: cases nobody is responsible for yet.
 */
officer_id: number | null, name: string, overdue: number, soon: number, 
/**
 * Tasks of their cases not done by their due day.
 */
late_tasks: number, };

export type DueSummary = { today: string, 
/**
 * The last day counted as "due soon" (three working days ahead).
 */
soon_until: string, 
/**
 * At most [`COUNT_CAP`] (then "1.000+").
 */
overdue_count: number, soon_count: number, 
/**
 * The oldest first, at most `limit`.
 */
overdue: Array<DueItem>, soon: Array<DueItem>, 
/**
 * Each active officer's overdue and soon-due deadlines (cases they are responsible
 * for), then those of cases nobody is responsible for; counts capped like the totals.
 */
by_officer: Array<OfficerLoad>, 
/**
 * What hosts assigned at reception sessions, not done and due by `soon_until`
 * (overdue ones first), at most `limit`.
 */
assignments: Array<AssignmentView>, 
/**
 * Casework tasks (carrying out decisions, plan steps, publication, reviews) not done
 * and due by `soon_until`, late ones first, at most `limit`.
 */
tasks: Array<TaskView>, 
/**
 * From November: next year's holidays are still a forecast (no official notice).
 */
calendar_warning: string | null, };

export type RefusalGround = "incapacitated" | "disruptive" | "already_resolved" | "other";

export type RefusalInput = { ground: RefusalGround, 
/**
 * What happened, or for `Other` the legal provision; required for `Other`.
 */
detail: string, };

export type Template = "01/TCD" | "01/XLD" | "02/XLD" | "03/XLD" | "04/XLD" | "01/KQGQ" | "02/KQGQ" | "03/KQGQ";

export type PeriodKind = "first_quarter" | "six_months" | "nine_months" | "year" | "second_quarter" | "third_quarter" | "fourth_quarter" | "custom";

export type Period = { kind: PeriodKind, year: number, from: string, to: string, };

export type Reminder = { 
/**
 * Stable: "report:six_months:2026", "dated:2026-06-15:<title>".
 */
key: string, title: string, 
/**
 * The data cut-off of a periodic report.
 */
cut_off: string | null, due: string, days_left: number, basis: string, 
/**
 * The periodic report's period, to open it on the report screen.
 */
period: Period | null, };

export type PeriodInput = { kind: PeriodKind, year: number, 
/**
 * Custom periods: `YYYY-MM-DD`.
 */
from: string | null, to: string | null, };

export type RecordKind = "visit" | "petition";

export type ColumnView = { ms: number, 
/**
 * The MS row's label: "1=2+3=4+5".
 */
label: string, 
/**
 * Outermost group first.
 */
header: Array<string>, };

export type HeaderCell = { row: number, col: number, rows: number, cols: number, text: string, };

export type SummaryBar = { label: string, value: number, };

export type ReportView = { template: Template, code: string, title: string, period: Period, 
/**
 * "Báo cáo 6 tháng đầu năm 2026".
 */
period_title: string, 
/**
 * "(Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026)".
 */
period_range: string, columns: Array<ColumnView>, 
/**
 * The header cells, merged as in the template: row and column (0 = the first data
 * column), and how many rows and columns each spans.
 */
header: Array<HeaderCell>, 
/**
 * What a chart of the report shows: (label, value).
 */
summary: Array<SummaryBar>, values: Array<number>, 
/**
 * The values as the template prints them: money in millions of đồng, land in m²,
 * Vietnamese separators ("1.234", "150,5").
 */
texts: Array<string>, 
/**
 * Sum identities of the template that do not hold (empty unless something is wrong).
 */
broken: Array<string>, };

export type ReportRecord = { kind: RecordKind, id: number, 
/**
 * `YYYY-MM-DD`: the visit's day or the petition's received date.
 */
date: string, 
/**
 * What the record is about (never a denouncer's name).
 */
label: string, };

export type SubmittedReport = { id: number, template: Template, from: string, to: string, values: Array<number>, sha256: string, note: string, submitted_at: string, 
/**
 * The audit chain's head when it was submitted (`N:HASH`; empty before version 23).
 */
audit_head: string, };

export type ChangedColumn = { ms: number, header: string, submitted: number, now: number, 
/**
 * Both as the template prints them ("150,5" million đồng).
 */
submitted_text: string, now_text: string, };

export type ReportChanges = { submitted: SubmittedReport, changed: Array<ChangedColumn>, };

export type RuleFile = "calendar" | "deadlines" | "routing" | "reception" | "documents" | "identity" | "reminders";

export type RuleFileInfo = { file: RuleFile, 
/**
 * `deadlines.toml`.
 */
name: string, title: string, 
/**
 * The office's own copy is in force rather than the shipped one.
 */
overridden: boolean, basis: string, verified: boolean, valid_from: string, 
/**
 * The text in force.
 */
text: string, };

export type DayKind = "holiday" | "working_day";

export type CalendarDayRow = { date: string, 
/**
 * "thứ Bảy".
 */
weekday: string, kind: DayKind, note: string, 
/**
 * Set by the office (Danh mục) rather than the rule file.
 */
office: boolean, verified: boolean, };

export type OfficeDayInput = { date: string, kind: DayKind, note: string, };

export type RulesChanged = { 
/**
 * Petitions whose deadlines were recomputed.
 */
recomputed: number, };

export type SearchHit = { kind: HitKind, id: number, 
/**
 * The citizen's name, the petition's kind, the visit's time.
 */
title: string, 
/**
 * Address and ID number, or the summary.
 */
detail: string, 
/**
 * `YYYY-MM-DD` of the petition or visit; empty for a citizen.
 */
date: string, 
/**
 * The text contains the query with its diacritics as typed.
 */
exact: boolean, };

export type BackupInfo = { path: string, 
/**
 * When it was taken, `YYYY-MM-DDTHH:MM:SS`.
 */
at: string, reason: string, size_bytes: number, 
/**
 * The audit chain's head the copy holds (`N:HASH`; filled by the desk when it takes
 * the backup, empty in the list of older ones): write it down to check the trail later.
 */
audit_head: string, };

export type BackupFile = { name: string, path: string, size_bytes: number, };

export type AuditFilter = { 
/**
 * `YYYY-MM-DD`, inclusive.
 */
from: string | null, to: string | null, 
/**
 * A kind of action: its code or the start of one ("denouncer." for every view of a
 * denouncer's identity and every request).
 */
action: string | null, 
/**
 * Part of the officer's name or login.
 */
actor: string | null, 
/**
 * At most this many rows (1–1000).
 */
limit: number, };

export type AuditRow = { id: number, 
/**
 * `YYYY-MM-DDTHH:MM:SS`.
 */
at: string, actor: string, action: string, 
/**
 * "Xem danh tính người tố cáo".
 */
action_vi: string, entity: string, entity_ids: Array<number>, 
/**
 * The row's details as recorded (compact JSON), empty when none.
 */
detail: string, };

export type AuditTrail = { rows: Array<AuditRow>, 
/**
 * Every row chains (nothing changed, added or removed outside the app).
 */
intact: boolean, 
/**
 * "Nhật ký toàn vẹn: 1.234 dòng" or where it breaks.
 */
check: string, 
/**
 * `N:HASH`, to write down.
 */
head: string, };

export type Health = { 
/**
 * `PRAGMA user_version`: the schema version the file is at.
 */
schema_version: number, 
/**
 * The newest schema version this build understands.
 */
supported_version: number, 
/**
 * `PRAGMA integrity_check` said "ok".
 */
integrity_ok: boolean, 
/**
 * The problems integrity_check listed (at most 20).
 */
problems: Array<string>, size_bytes: number, };

export type AppStatus = { 
/**
 * `None` until the first-run form has been saved.
 */
office: Office | null, data_dir: string, database: string, schema_version: number, last_backup: BackupInfo | null, version: string, };

export type CrateLicense = { name: string, version: string, license: string, };

export type FontLicense = { family: string, license: string, };

export type LibraryLicense = { name: string, license: string, 
/**
 * How it is shipped.
 */
note: string, };

export type AboutInfo = { version: string, data_dir: string, database: string, 
/**
 * The database file and its write-ahead log, in bytes.
 */
database_size_bytes: number, last_backup: BackupInfo | null, license: string, fonts: Array<FontLicense>, libraries: Array<LibraryLicense>, crates: Array<CrateLicense>, 
/**
 * The full integrity check run after the window came up.
 */
integrity: IntegrityStatus, };

export type ProgressReport = { stage: string, done: number, total: number, };
