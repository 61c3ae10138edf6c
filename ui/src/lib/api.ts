// Typed calls into the Tauri shell. The types come from Rust (bindings.ts, generated);
// an error always arrives as ErrorData with a Vietnamese message, never as an exception.
import { invoke } from '@tauri-apps/api/core';
import type {
  AccessView,
  AuditFilter,
  AuditTrail,
  IdentityKeyStatus,
  MailInput,
  ReceivedMail,
  RevealRequest,
  RevealStatus,
  RevealedIdentity,
  AccountInput,
  AccountView,
  SetupDone,
  SignedInView,
  AboutInfo,
  Agency,
  AgencyInput,
  AppStatus,
  BackupInfo,
  CalendarDayRow,
  OfficeDayInput,
  RuleFile,
  RuleFileInfo,
  RulesChanged,
  Citizen,
  CitizenInput,
  DueSummary,
  HandleInput,
  OutcomeInput,
  BookingInput,
  CorrectionInput,
  MediationInput,
  MediationView,
  InvitationInput,
  WorkStats,
  WatchInput,
  WatchItem,
  AttachInput,
  AttachmentView,
  AttachmentOwner,
  TaskInput,
  TaskView,
  AssignmentView,
  ConclusionInput,
  BookingView,
  Host,
  PlanInput,
  PlanView,
  ScheduleView,
  SessionInput,
  SessionKey,
  ShiftPolicy,
  OutcomeView,
  PetitionDeadlines,
  PetitionView,
  PetitionFactsInput,
  CitizenHistory,
  OfficerEdit,
  BackupFile,
  CitizenMatch,
  Draft,
  ErrorData,
  OfficeInput,
  Officer,
  OfficerInput,
  ImportSummary,
  PetitionRow,
  PrintedDocument,
  ReceptionRow,
  Register,
  RegisterFile,
  RegisterFilter,
  PrintOptions,
  RecordedVisit,
  PeriodInput,
  ReportChanges,
  ReportRecord,
  SubmittedReport,
  ReportView,
  Template,
  Trend,
  RefusalInput,
  SearchHit,
  VisitForm,
  VisitInput,
  VisitRecord,
} from './bindings';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** Turns whatever was thrown into ErrorData, so no error is ever swallowed or raw. */
export function toErrorData(e: unknown): ErrorData {
  if (typeof e === 'object' && e !== null && 'code' in e && 'message_vi' in e) {
    const d = e as ErrorData;
    return { code: d.code, message_vi: d.message_vi, fields: d.fields ?? [] };
  }
  return { code: 'internal', message_vi: `Lỗi không mong đợi: ${String(e)}`, fields: [] };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await invoke<T>(command, args) };
  } catch (e) {
    return { ok: false, error: toErrorData(e) };
  }
}

export const api = {
  accessState: () => call<AccessView>('access_state'),
  setupAdmin: (input: AccountInput) => call<SetupDone>('setup_admin', { input }),
  signIn: (login: string, password: string) => call<SignedInView>('sign_in', { login, password }),
  lockSession: () => call<null>('lock_session'),
  accounts: () => call<AccountView[]>('accounts'),
  addAccount: (input: AccountInput) => call<AccountView>('add_account', { input }),
  setPassword: (login: string, password: string, passwordAgain: string) =>
    call<null>('set_password', { login, password, passwordAgain }),
  changeOwnPassword: (current: string, password: string, passwordAgain: string) =>
    call<null>('change_own_password', { current, password, passwordAgain }),
  setAccountActive: (login: string, active: boolean) =>
    call<AccountView[]>('set_account_active', { login, active }),
  revealStatus: (petitionId: number) => call<RevealStatus>('reveal_status', { petitionId }),
  requestReveal: (petitionId: number, reason: string) =>
    call<RevealRequest>('request_reveal', { petitionId, reason }),
  pendingReveals: () => call<RevealRequest[]>('pending_reveals'),
  decideReveal: (requestId: number, approve: boolean, note: string) =>
    call<RevealRequest>('decide_reveal', { requestId, approve, note }),
  revealDenouncers: (petitionId: number, reason: string) =>
    call<RevealedIdentity>('reveal_denouncers', { petitionId, reason }),
  appStatus: () => call<AppStatus>('app_status'),
  saveOffice: (input: OfficeInput) => call<AppStatus>('save_office', { input }),
  backupNow: () => call<BackupInfo>('backup_now'),
  otherDisks: () => call<string[]>('other_disks'),
  backupToOtherDisk: (target: string) => call<BackupInfo>('backup_to_other_disk', { target }),
  backupFiles: (dir: string | null) => call<BackupFile[]>('backup_files', { dir }),
  auditTrail: (filter: AuditFilter) => call<AuditTrail>('audit_trail', { filter }),
  identityKeyStatus: () => call<IdentityKeyStatus>('identity_key_status'),
  receiveMail: (input: MailInput) => call<ReceivedMail>('receive_mail', { input }),
  identityRecoveryCode: () => call<string>('identity_recovery_code'),
  grantIdentityKey: (login: string, code: string) =>
    call<IdentityKeyStatus>('grant_identity_key', { login, code }),
  restoreBackup: (file: string) => call<BackupInfo>('restore_backup', { file }),
  aboutInfo: () => call<AboutInfo>('about_info'),
  findCitizens: (name: string, idNumber: string | null) =>
    call<CitizenMatch[]>('find_citizens', { name, idNumber }),
  recordVisit: (input: VisitInput) => call<RecordedVisit>('record_visit', { input }),
  saveDraft: (form: string, content: unknown) => call<null>('save_draft', { form, content }),
  loadDraft: (form: string) => call<Draft | null>('load_draft', { form }),
  discardDraft: (form: string) => call<null>('discard_draft', { form }),
  visitRecord: (visitId: number) => call<VisitRecord>('visit_record', { visitId }),
  printVisitDocument: (visitId: number, form: VisitForm, options: PrintOptions) =>
    call<PrintedDocument>('print_visit_document', { visitId, form, options }),
  search: (query: string) => call<SearchHit[]>('search', { query }),
  receptionRegister: (filter: RegisterFilter) => call<ReceptionRow[]>('reception_register', { filter }),
  petitionRegister: (filter: RegisterFilter) => call<PetitionRow[]>('petition_register', { filter }),
  exportRegister: (register: Register, filter: RegisterFilter) =>
    call<RegisterFile>('export_register', { register, filter }),
  exportRegisterPdf: (register: Register, filter: RegisterFilter) =>
    call<RegisterFile>('export_register_pdf', { register, filter }),
  importInterchange: (text: string) => call<ImportSummary>('import_interchange', { text }),
  exportInterchange: (redact: boolean, reason: string) => call<RegisterFile>('export_interchange', { redact, reason }),
  petitionView: (petitionId: number) => call<PetitionView>('petition_view', { petitionId }),
  handlePetition: (input: HandleInput) => call<PetitionView>('handle_petition', { input }),
  recordOutcome: (input: OutcomeInput) => call<OutcomeView[]>('record_outcome', { input }),
  outcomes: (petitionId: number) => call<OutcomeView[]>('outcomes', { petitionId }),
  plans: () => call<PlanView[]>('plans'),
  addPlan: (input: PlanInput) => call<PlanView[]>('add_plan', { input }),
  endPlan: (planId: number, to: string) => call<PlanView[]>('end_plan', { planId, to }),
  schedule: (from: string, to: string) => call<ScheduleView>('schedule', { from, to }),
  addSession: (input: SessionInput) => call<number>('add_session', { input }),
  cancelSession: (key: SessionKey, reason: string) => call<number>('cancel_session', { key, reason }),
  book: (input: BookingInput) => call<BookingView>('book', { input }),
  bookings: (sessionId: number) => call<BookingView[]>('bookings', { sessionId }),
  cancelBooking: (bookingId: number, reason: string) => call<null>('cancel_booking', { bookingId, reason }),
  addCitizen: (input: CitizenInput) => call<Citizen>('add_citizen', { input }),
  printBookingSlip: (bookingId: number) => call<PrintedDocument>('print_booking_slip', { bookingId }),
  setShiftPolicy: (policy: ShiftPolicy) => call<null>('set_shift_policy', { policy }),
  exportScheduleIcs: (from: string, to: string, host: Host | null) =>
    call<RegisterFile>('export_schedule_ics', { from, to, host }),
  exportBriefingPack: (key: SessionKey) => call<RegisterFile>('export_briefing_pack', { key }),
  concludeSession: (input: ConclusionInput) => call<PrintedDocument>('conclude_session', { input }),
  assignmentsOf: (sessionId: number) => call<AssignmentView[]>('assignments_of', { sessionId }),
  completeAssignment: (id: number, on: string) => call<null>('complete_assignment', { id, on }),
  printDialogueMinutes: (eventId: number) => call<PrintedDocument>('print_dialogue_minutes', { eventId }),
  addTask: (input: TaskInput) => call<TaskView[]>('add_task', { input }),
  completeTask: (id: number, on: string) => call<null>('complete_task', { id, on }),
  tasksOf: (petitionId: number) => call<TaskView[]>('tasks_of', { petitionId }),
  attach: (input: AttachInput) => call<AttachmentView[]>('attach', { input }),
  attachmentsOf: (owner: AttachmentOwner, ownerId: number) => call<AttachmentView[]>('attachments_of', { owner, ownerId }),
  openAttachment: (id: number) => call<RegisterFile>('open_attachment', { id }),
  watchCase: (input: WatchInput) => call<WatchItem[]>('watch_case', { input }),
  endWatch: (id: number, reason: string) => call<WatchItem[]>('end_watch', { id, reason }),
  watchList: () => call<WatchItem[]>('watch_list'),
  workStats: (period: PeriodInput) => call<WorkStats>('work_stats', { period }),
  printDialogueInvitation: (input: InvitationInput) => call<PrintedDocument>('print_dialogue_invitation', { input }),
  printResolutionStop: (eventId: number) => call<PrintedDocument>('print_resolution_stop', { eventId }),
  printExtension: (eventId: number) => call<PrintedDocument>('print_extension', { eventId }),
  assignLeader: (petitionId: number, officerId: number | null) =>
    call<PetitionView>('assign_leader', { petitionId, officerId }),
  recordMediation: (input: MediationInput) => call<MediationView[]>('record_mediation', { input }),
  mediationsOf: (petitionId: number) => call<MediationView[]>('mediations_of', { petitionId }),
  correctCitizen: (input: CorrectionInput) => call<Citizen>('correct_citizen', { input }),
  exportCitizenData: (citizenId: number) => call<RegisterFile>('export_citizen_data', { citizenId }),
  exportScheduleNotice: (from: string, to: string) => call<RegisterFile>('export_schedule_notice', { from, to }),
  agencies: () => call<Agency[]>('agencies'),
  updatePetitionFacts: (input: PetitionFactsInput) => call<PetitionView>('update_petition_facts', { input }),
  setSeveralContents: (petitionId: number, several: boolean) =>
    call<PetitionView>('set_several_contents', { petitionId, several }),
  due: () => call<DueSummary>('due'),
  trend: () => call<Trend>('trend'),
  petitionDeadlines: (petitionId: number) => call<PetitionDeadlines>('petition_deadlines', { petitionId }),
  printDecision: (petitionId: number) => call<PrintedDocument>('print_decision', { petitionId }),
  printAcceptanceProposal: (petitionId: number) =>
    call<PrintedDocument>('print_acceptance_proposal', { petitionId }),
  refuseReception: (visitId: number, input: RefusalInput) =>
    call<PrintedDocument>('refuse_reception', { visitId, input }),
  addAgency: (input: AgencyInput) => call<Agency>('add_agency', { input }),
  mergeCitizens: (kept: number, merged: number, reason: string) =>
    call<Citizen>('merge_citizens', { kept, merged, reason }),
  officers: () => call<Officer[]>('officers'),
  addOfficer: (input: OfficerInput) => call<Officer>('add_officer', { input }),
  updateOfficer: (input: OfficerEdit) => call<Officer>('update_officer', { input }),
  assignCase: (petitionId: number, officerId: number | null) =>
    call<PetitionView>('assign_case', { petitionId, officerId }),
  report: (template: Template, period: PeriodInput) => call<ReportView>('report', { template, period }),
  reportRecords: (template: Template, period: PeriodInput, ms: number) =>
    call<ReportRecord[]>('report_records', { template, period, ms }),
  exportReport: (template: Template, period: PeriodInput) =>
    call<RegisterFile>('export_report', { template, period }),
  exportReportPdf: (template: Template, period: PeriodInput) =>
    call<RegisterFile>('export_report_pdf', { template, period }),
  exportWrittenReport: (period: PeriodInput) => call<RegisterFile>('export_written_report', { period }),
  submitReport: (template: Template, period: PeriodInput, note: string) =>
    call<SubmittedReport>('submit_report', { template, period, note }),
  reportChanges: (template: Template, period: PeriodInput) =>
    call<ReportChanges | null>('report_changes', { template, period }),
  ruleFiles: () => call<RuleFileInfo[]>('rule_files'),
  checkRuleFile: (file: RuleFile, text: string) => call<null>('check_rule_file', { file, text }),
  saveRuleFile: (file: RuleFile, text: string) => call<RulesChanged>('save_rule_file', { file, text }),
  resetRuleFile: (file: RuleFile) => call<RulesChanged>('reset_rule_file', { file }),
  calendarDays: (year: number) => call<CalendarDayRow[]>('calendar_days', { year }),
  citizenHistory: (citizenId: number) => call<CitizenHistory>('citizen_history', { citizenId }),
  nextWorkingDay: (after: string) => call<string>('next_working_day', { after }),
  printRecoveryKey: (key: string) => call<string>('print_recovery_key', { key }),
  discardRecoveryKeySheet: () => call<null>('discard_recovery_key_sheet'),
  setOfficeDay: (input: OfficeDayInput) => call<RulesChanged>('set_office_day', { input }),
  removeOfficeDay: (date: string) => call<RulesChanged>('remove_office_day', { date }),
};
