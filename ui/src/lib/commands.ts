// Generated from src-tauri/src/commands/ by
// `UPDATE_BINDINGS=1 cargo test -p tiepdan --test all ipc_commands`. Do not edit by hand.
import { call } from './call';
import type {
  AboutInfo,
  AccessView,
  AccountInput,
  AccountView,
  Agency,
  AgencyInput,
  AppStatus,
  AssignmentView,
  AttachInput,
  AttachmentOwner,
  AttachmentView,
  AuditFilter,
  AuditTrail,
  BackupFile,
  BackupInfo,
  BookingInput,
  BookingView,
  CalendarDayRow,
  Citizen,
  CitizenHistory,
  CitizenInput,
  CitizenMatch,
  ConclusionInput,
  CorrectionInput,
  DirectiveInput,
  DirectiveView,
  Draft,
  DueSummary,
  EmptySessionInput,
  HandleInput,
  Host,
  HotSpots,
  IdentityKeyStatus,
  ImportSummary,
  IntegrityStatus,
  InvitationInput,
  LegacyPreview,
  MailInput,
  MediationInput,
  MediationView,
  OfficeDayInput,
  OfficeInput,
  Officer,
  OfficerEdit,
  OfficerInput,
  OutcomeInput,
  OutcomeView,
  PeriodInput,
  PetitionDeadlines,
  PetitionFactsInput,
  PetitionRow,
  PetitionView,
  PlanInput,
  PlanView,
  PrintOptions,
  PrintedDocument,
  ProtectionDecisionInput,
  ProtectionRequestInput,
  ProtectionView,
  ReceivedMail,
  ReceptionRow,
  RecordedVisit,
  RefusalInput,
  Register,
  RegisterFile,
  RegisterFilter,
  Reminder,
  ReportChanges,
  ReportRecord,
  ReportView,
  ResolutionDocumentInput,
  RevealRequest,
  RevealStatus,
  RevealedIdentity,
  RuleFile,
  RuleFileInfo,
  RulesChanged,
  ScheduleView,
  SearchHit,
  SessionInput,
  SessionKey,
  SetupDone,
  ShiftPolicy,
  SignedInView,
  SubmittedReport,
  TaskInput,
  TaskView,
  Template,
  Trend,
  VerificationInput,
  VerificationReportInput,
  VisitForm,
  VisitInput,
  VisitRecord,
  WatchInput,
  WatchItem,
  WorkMinutesInput,
  WorkStats,
} from './bindings';

/** Every command of the window, typed from its Rust signature. */
export const api = {
  recordOutcome: (input: OutcomeInput) =>
    call<OutcomeView[]>('record_outcome', { input }),
  outcomes: (petitionId: number) =>
    call<OutcomeView[]>('outcomes', { petitionId }),
  printDialogueMinutes: (eventId: number) =>
    call<PrintedDocument>('print_dialogue_minutes', { eventId }),
  addTask: (input: TaskInput) =>
    call<TaskView[]>('add_task', { input }),
  completeTask: (id: number, on: string) =>
    call<null>('complete_task', { id, on }),
  tasksOf: (petitionId: number) =>
    call<TaskView[]>('tasks_of', { petitionId }),
  printDialogueInvitation: (input: InvitationInput) =>
    call<PrintedDocument>('print_dialogue_invitation', { input }),
  printResolutionStop: (eventId: number) =>
    call<PrintedDocument>('print_resolution_stop', { eventId }),
  printExtension: (eventId: number) =>
    call<PrintedDocument>('print_extension', { eventId }),
  printResolutionDocument: (input: ResolutionDocumentInput) =>
    call<PrintedDocument>('print_resolution_document', { input }),
  printDenunciationResult: (eventId: number) =>
    call<PrintedDocument>('print_denunciation_result', { eventId }),
  printVerificationDecision: (input: VerificationInput) =>
    call<PrintedDocument>('print_verification_decision', { input }),
  addDirective: (input: DirectiveInput) =>
    call<DirectiveView[]>('add_directive', { input }),
  directives: (all: boolean) =>
    call<DirectiveView[]>('directives', { all }),
  completeDirectiveTask: (taskId: number, on: string, result: string) =>
    call<DirectiveView[]>('complete_directive_task', { taskId, on, result }),
  voidDirective: (id: number, reason: string) =>
    call<DirectiveView[]>('void_directive', { id, reason }),
  requestProtection: (input: ProtectionRequestInput) =>
    call<ProtectionView[]>('request_protection', { input }),
  protections: (petitionId: number) =>
    call<ProtectionView[]>('protections', { petitionId }),
  decideProtection: (input: ProtectionDecisionInput) =>
    call<PrintedDocument>('decide_protection', { input }),
  printWorkMinutes: (input: WorkMinutesInput) =>
    call<PrintedDocument>('print_work_minutes', { input }),
  printVerificationReport: (input: VerificationReportInput) =>
    call<PrintedDocument>('print_verification_report', { input }),
  recordMediation: (input: MediationInput) =>
    call<MediationView[]>('record_mediation', { input }),
  mediationsOf: (petitionId: number) =>
    call<MediationView[]>('mediations_of', { petitionId }),
  voidOutcome: (eventId: number, reason: string) =>
    call<null>('void_outcome', { eventId, reason }),
  appStatus: () =>
    call<AppStatus>('app_status'),
  saveOffice: (input: OfficeInput) =>
    call<AppStatus>('save_office', { input }),
  agencies: () =>
    call<Agency[]>('agencies'),
  addAgency: (input: AgencyInput) =>
    call<Agency>('add_agency', { input }),
  ruleFiles: () =>
    call<RuleFileInfo[]>('rule_files'),
  checkRuleFile: (file: RuleFile, text: string) =>
    call<null>('check_rule_file', { file, text }),
  saveRuleFile: (file: RuleFile, text: string) =>
    call<RulesChanged>('save_rule_file', { file, text }),
  resetRuleFile: (file: RuleFile) =>
    call<RulesChanged>('reset_rule_file', { file }),
  calendarDays: (year: number) =>
    call<CalendarDayRow[]>('calendar_days', { year }),
  nextWorkingDay: (after: string) =>
    call<string>('next_working_day', { after }),
  setOfficeDay: (input: OfficeDayInput) =>
    call<RulesChanged>('set_office_day', { input }),
  removeOfficeDay: (date: string) =>
    call<RulesChanged>('remove_office_day', { date }),
  petitionView: (petitionId: number) =>
    call<PetitionView>('petition_view', { petitionId }),
  handlePetition: (input: HandleInput) =>
    call<PetitionView>('handle_petition', { input }),
  updatePetitionFacts: (input: PetitionFactsInput) =>
    call<PetitionView>('update_petition_facts', { input }),
  setSeveralContents: (petitionId: number, several: boolean) =>
    call<PetitionView>('set_several_contents', { petitionId, several }),
  printDecision: (petitionId: number) =>
    call<PrintedDocument>('print_decision', { petitionId }),
  due: () =>
    call<DueSummary>('due'),
  petitionDeadlines: (petitionId: number) =>
    call<PetitionDeadlines>('petition_deadlines', { petitionId }),
  printAcceptanceProposal: (petitionId: number) =>
    call<PrintedDocument>('print_acceptance_proposal', { petitionId }),
  assignCase: (petitionId: number, officerId: number | null) =>
    call<PetitionView>('assign_case', { petitionId, officerId }),
  watchCase: (input: WatchInput) =>
    call<WatchItem[]>('watch_case', { input }),
  endWatch: (id: number, reason: string) =>
    call<WatchItem[]>('end_watch', { id, reason }),
  watchList: () =>
    call<WatchItem[]>('watch_list'),
  assignLeader: (petitionId: number, officerId: number | null) =>
    call<PetitionView>('assign_leader', { petitionId, officerId }),
  citizenHistory: (citizenId: number) =>
    call<CitizenHistory>('citizen_history', { citizenId }),
  findCitizens: (name: string, idNumber: string | null) =>
    call<CitizenMatch[]>('find_citizens', { name, idNumber }),
  recordVisit: (input: VisitInput) =>
    call<RecordedVisit>('record_visit', { input }),
  saveDraft: (form: string, content: unknown) =>
    call<null>('save_draft', { form, content }),
  loadDraft: (form: string) =>
    call<Draft | null>('load_draft', { form }),
  discardDraft: (form: string) =>
    call<null>('discard_draft', { form }),
  receiveMail: (input: MailInput) =>
    call<ReceivedMail>('receive_mail', { input }),
  addCitizen: (input: CitizenInput) =>
    call<Citizen>('add_citizen', { input }),
  visitRecord: (visitId: number) =>
    call<VisitRecord>('visit_record', { visitId }),
  printVisitDocument: (visitId: number, form: VisitForm, options: PrintOptions) =>
    call<PrintedDocument>('print_visit_document', { visitId, form, options }),
  search: (query: string) =>
    call<SearchHit[]>('search', { query }),
  mergeCitizens: (kept: number, merged: number, reason: string) =>
    call<Citizen>('merge_citizens', { kept, merged, reason }),
  refuseReception: (visitId: number, input: RefusalInput) =>
    call<PrintedDocument>('refuse_reception', { visitId, input }),
  attach: (input: AttachInput) =>
    call<AttachmentView[]>('attach', { input }),
  attachmentsOf: (owner: AttachmentOwner, ownerId: number) =>
    call<AttachmentView[]>('attachments_of', { owner, ownerId }),
  openAttachment: (id: number) =>
    call<RegisterFile>('open_attachment', { id }),
  voidVisit: (visitId: number, reason: string) =>
    call<null>('void_visit', { visitId, reason }),
  aboutInfo: () =>
    call<AboutInfo>('about_info'),
  integrityStatus: () =>
    call<IntegrityStatus>('integrity_status'),
  backupNow: () =>
    call<BackupInfo>('backup_now'),
  dailyBackup: () =>
    call<BackupInfo | null>('daily_backup'),
  backupReminder: () =>
    call<string | null>('backup_reminder'),
  otherDisks: () =>
    call<string[]>('other_disks'),
  backupToOtherDisk: (target: string) =>
    call<BackupInfo>('backup_to_other_disk', { target }),
  backupFiles: (dir: string | null) =>
    call<BackupFile[]>('backup_files', { dir }),
  restoreBackup: (file: string) =>
    call<BackupInfo>('restore_backup', { file }),
  importInterchange: (text: string) =>
    call<ImportSummary>('import_interchange', { text }),
  legacyPreview: (bytes: number[]) =>
    call<LegacyPreview>('legacy_preview', { bytes }),
  legacyImport: (bytes: number[]) =>
    call<ImportSummary>('legacy_import', { bytes }),
  cancelWork: () =>
    call<null>('cancel_work'),
  exportInterchange: (redact: boolean, reason: string) =>
    call<RegisterFile>('export_interchange', { redact, reason }),
  cancelBooking: (bookingId: number, reason: string) =>
    call<null>('cancel_booking', { bookingId, reason }),
  plans: () =>
    call<PlanView[]>('plans'),
  addPlan: (input: PlanInput) =>
    call<PlanView[]>('add_plan', { input }),
  endPlan: (planId: number, to: string) =>
    call<PlanView[]>('end_plan', { planId, to }),
  schedule: (from: string, to: string) =>
    call<ScheduleView>('schedule', { from, to }),
  addSession: (input: SessionInput) =>
    call<number>('add_session', { input }),
  cancelSession: (key: SessionKey, reason: string) =>
    call<number>('cancel_session', { key, reason }),
  book: (input: BookingInput) =>
    call<BookingView>('book', { input }),
  bookings: (sessionId: number) =>
    call<BookingView[]>('bookings', { sessionId }),
  printBookingSlip: (bookingId: number) =>
    call<PrintedDocument>('print_booking_slip', { bookingId }),
  setShiftPolicy: (policy: ShiftPolicy) =>
    call<null>('set_shift_policy', { policy }),
  exportScheduleIcs: (from: string, to: string, host: Host | null) =>
    call<RegisterFile>('export_schedule_ics', { from, to, host }),
  exportBriefingPack: (key: SessionKey) =>
    call<RegisterFile>('export_briefing_pack', { key }),
  exportScheduleNotice: (from: string, to: string) =>
    call<RegisterFile>('export_schedule_notice', { from, to }),
  concludeSession: (input: ConclusionInput) =>
    call<PrintedDocument>('conclude_session', { input }),
  printEmptySessionMinutes: (input: EmptySessionInput) =>
    call<PrintedDocument>('print_empty_session_minutes', { input }),
  assignmentsOf: (sessionId: number) =>
    call<AssignmentView[]>('assignments_of', { sessionId }),
  completeAssignment: (id: number, on: string) =>
    call<null>('complete_assignment', { id, on }),
  receptionRegister: (filter: RegisterFilter) =>
    call<ReceptionRow[]>('reception_register', { filter }),
  petitionRegister: (filter: RegisterFilter) =>
    call<PetitionRow[]>('petition_register', { filter }),
  exportRegister: (register: Register, filter: RegisterFilter) =>
    call<RegisterFile>('export_register', { register, filter }),
  report: (template: Template, period: PeriodInput) =>
    call<ReportView>('report', { template, period }),
  reportRecords: (template: Template, period: PeriodInput, ms: number) =>
    call<ReportRecord[]>('report_records', { template, period, ms }),
  exportReport: (template: Template, period: PeriodInput) =>
    call<RegisterFile>('export_report', { template, period }),
  submitReport: (template: Template, period: PeriodInput, note: string) =>
    call<SubmittedReport>('submit_report', { template, period, note }),
  reportChanges: (template: Template, period: PeriodInput) =>
    call<ReportChanges | null>('report_changes', { template, period }),
  exportReportPdf: (template: Template, period: PeriodInput) =>
    call<RegisterFile>('export_report_pdf', { template, period }),
  exportWrittenReport: (period: PeriodInput) =>
    call<RegisterFile>('export_written_report', { period }),
  trend: () =>
    call<Trend>('trend'),
  hotSpots: () =>
    call<HotSpots>('hot_spots'),
  reminders: () =>
    call<Reminder[]>('reminders'),
  markReminderSent: (key: string) =>
    call<Reminder[]>('mark_reminder_sent', { key }),
  exportPlanReport: (key: string) =>
    call<RegisterFile>('export_plan_report', { key }),
  subfieldSuggestions: () =>
    call<string[]>('subfield_suggestions'),
  exportRegisterPdf: (register: Register, filter: RegisterFilter) =>
    call<RegisterFile>('export_register_pdf', { register, filter }),
  workStats: (period: PeriodInput) =>
    call<WorkStats>('work_stats', { period }),
  accessState: () =>
    call<AccessView>('access_state'),
  setupAdmin: (input: AccountInput) =>
    call<SetupDone>('setup_admin', { input }),
  printRecoveryKey: (key: string) =>
    call<string>('print_recovery_key', { key }),
  discardRecoveryKeySheet: () =>
    call<null>('discard_recovery_key_sheet'),
  signIn: (login: string, password: string) =>
    call<SignedInView>('sign_in', { login, password }),
  lockSession: () =>
    call<null>('lock_session'),
  accounts: () =>
    call<AccountView[]>('accounts'),
  addAccount: (input: AccountInput) =>
    call<AccountView>('add_account', { input }),
  setPassword: (login: string, password: string, passwordAgain: string) =>
    call<null>('set_password', { login, password, passwordAgain }),
  changeOwnPassword: (current: string, password: string, passwordAgain: string) =>
    call<null>('change_own_password', { current, password, passwordAgain }),
  setAccountActive: (login: string, active: boolean) =>
    call<AccountView[]>('set_account_active', { login, active }),
  revealStatus: (petitionId: number) =>
    call<RevealStatus>('reveal_status', { petitionId }),
  requestReveal: (petitionId: number, reason: string) =>
    call<RevealRequest>('request_reveal', { petitionId, reason }),
  pendingReveals: () =>
    call<RevealRequest[]>('pending_reveals'),
  decideReveal: (requestId: number, approve: boolean, note: string) =>
    call<RevealRequest>('decide_reveal', { requestId, approve, note }),
  revealDenouncers: (petitionId: number, reason: string) =>
    call<RevealedIdentity>('reveal_denouncers', { petitionId, reason }),
  auditTrail: (filter: AuditFilter) =>
    call<AuditTrail>('audit_trail', { filter }),
  identityKeyStatus: () =>
    call<IdentityKeyStatus>('identity_key_status'),
  identityRecoveryCode: () =>
    call<string>('identity_recovery_code'),
  grantIdentityKey: (login: string, code: string) =>
    call<IdentityKeyStatus>('grant_identity_key', { login, code }),
  officers: () =>
    call<Officer[]>('officers'),
  addOfficer: (input: OfficerInput) =>
    call<Officer>('add_officer', { input }),
  updateOfficer: (input: OfficerEdit) =>
    call<Officer>('update_officer', { input }),
  correctCitizen: (input: CorrectionInput) =>
    call<Citizen>('correct_citizen', { input }),
  exportCitizenData: (citizenId: number) =>
    call<RegisterFile>('export_citizen_data', { citizenId }),
};
