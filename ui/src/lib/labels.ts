// Vietnamese names of the domain's values, for select boxes and lists.
import type {
  Action,
  AgencyRole,
  Channel,
  DecisionKind,
  DeadlineName,
  Field,
  Finding,
  Flag,
  Host,
  IdKind,
  MediationOutcome,
  OfficerRole,
  OutcomeKind,
  PetitionKind,
  ReceivedBy,
  Reception,
  SessionKind,
  TaskKind,
  ShiftPolicy,
  Weekday,
  WatchKind,
  RefusalGround,
  Sex,
} from './bindings';

/// How a petition reached the office: at the desk, or not in person.
export const ARRIVAL: Record<'in_person' | Channel, string> = {
  in_person: 'Công dân đến trực tiếp (lượt tiếp)',
  post: 'Đơn gửi qua bưu điện',
  box: 'Đơn bỏ hòm thư góp ý',
  forwarded: 'Cơ quan, tổ chức khác chuyển đến',
  online: 'Đơn trực tuyến (Cổng dịch vụ công, thư điện tử)',
};

export const RECEPTION: Record<Reception, string> = {
  regular: 'Thường xuyên',
  periodic: 'Định kỳ',
  ad_hoc: 'Đột xuất',
};

export const RECEIVED_BY: Record<ReceivedBy, string> = {
  officer: 'Cán bộ tiếp',
  head: 'Thủ trưởng tiếp',
  delegate: 'Người được ủy quyền tiếp',
};

export const PETITION_KIND: Record<PetitionKind, string> = {
  complaint: 'Khiếu nại',
  denunciation: 'Tố cáo',
  recommendation: 'Kiến nghị',
  feedback: 'Phản ánh',
};

export const FIELD: Record<Field, string> = {
  land: 'Đất đai, nhà cửa',
  policy: 'Chế độ, chính sách',
  civil_service: 'Công chức, công vụ',
  corruption: 'Tham nhũng',
  judicial: 'Tư pháp',
  party: 'Đảng, đoàn thể',
  other_admin: 'Hành chính khác',
  other: 'Khác',
};

export const ID_KIND: Record<IdKind, string> = {
  cccd: 'CCCD / Căn cước',
  cmnd: 'CMND',
  passport: 'Hộ chiếu',
  other: 'Giấy tờ khác',
  none: 'Không có giấy tờ',
};

export const SEX: Record<Sex, string> = { male: 'Nam', female: 'Nữ' };

/** The options of a select box, in the record's order. */
export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export const ACTION: Record<Action, string> = {
  accept: 'Thụ lý giải quyết',
  decline: 'Không thụ lý (thông báo)',
  transfer: 'Chuyển đơn',
  guide: 'Hướng dẫn',
  return: 'Trả lại đơn',
  file: 'Lưu đơn',
  remind: 'Đôn đốc',
  review: 'Cần cán bộ xem xét',
};

export const AGENCY_ROLE: Record<AgencyRole, string> = {
  commune_chair: 'Chủ tịch UBND xã',
  commune_vice_chair: 'Phó Chủ tịch UBND xã',
  commune_committee_member: 'Ủy viên UBND xã',
  commune_office_head: 'Trưởng phòng chuyên môn xã',
  commune_official: 'Công chức xã',
  commune_police: 'Công an xã',
  province_chair: 'Chủ tịch UBND tỉnh',
  province_department: 'Sở, ngành cấp tỉnh',
  court: 'Tòa án',
  procuracy: 'Viện kiểm sát',
  party_member: 'Đảng viên, tổ chức đảng',
  enterprise: 'Doanh nghiệp, tổ chức',
  private_person: 'Cá nhân',
  other: 'Khác',
};

export const DECISION_KIND: Record<DecisionKind, string> = {
  administrative: 'Quyết định, hành vi hành chính',
  disciplinary: 'Quyết định kỷ luật cán bộ, công chức',
  dismissal: 'Kỷ luật buộc thôi việc',
};

export const DEADLINE: Record<DeadlineName, string> = {
  handle: 'Xử lý đơn',
  check: 'Kiểm tra điều kiện thụ lý',
  transfer: 'Chuyển tố cáo không thuộc thẩm quyền',
  accept: 'Thụ lý',
  resolve: 'Giải quyết',
  second_complaint: 'Khiếu nại lần hai (công dân)',
};

export const FLAG: Record<Flag, string> = {
  crowd: 'Đông người',
  long_running: 'Kéo dài',
  complex: 'Phức tạp',
  over_level: 'Vượt cấp',
};

export const REFUSAL_GROUND: Record<RefusalGround, string> = {
  incapacitated: 'Say do chất kích thích, tâm thần, mất khả năng điều khiển hành vi (khoản 1)',
  disruptive: 'Đe dọa, xúc phạm, vi phạm nội quy nơi tiếp công dân (khoản 2)',
  already_resolved: 'Vụ việc đã giải quyết đúng pháp luật, đã trả lời mà vẫn cố tình khiếu nại, tố cáo (khoản 3)',
  other: 'Trường hợp khác theo quy định của pháp luật (khoản 4)',
};

export const OFFICER_ROLE: Record<OfficerRole, string> = {
  reception: 'Cán bộ tiếp công dân',
  handler: 'Cán bộ xử lý đơn',
  leader: 'Lãnh đạo',
  admin: 'Quản trị hệ thống',
};

export const OUTCOME_KIND: Record<OutcomeKind, string> = {
  accepted: 'Thụ lý giải quyết',
  dialogue: 'Đối thoại',
  paused: 'Tạm đình chỉ giải quyết',
  resumed: 'Tiếp tục giải quyết',
  resolved: 'Quyết định giải quyết',
  enforced: 'Đã thi hành xong quyết định',
  withdrawn: 'Rút đơn',
  terminated: 'Đình chỉ giải quyết',
  extended: 'Gia hạn giải quyết',
  reply_received: 'Nhận văn bản trả lời của cơ quan được chuyển đơn',
};

export const FINDING: Record<Finding, string> = {
  right: 'Đúng',
  wrong: 'Sai',
  partly_right: 'Đúng một phần',
};

/** The figures of a decision or of its carrying out, in entry order, with their units. */
export const FIGURES: [string, string][] = [
  ['money_recovered', 'Tiền thu hồi cho Nhà nước (đồng)'],
  ['land_recovered_m2', 'Đất thu hồi cho Nhà nước (m²)'],
  ['money_returned', 'Tiền trả lại cho tổ chức, cá nhân (đồng)'],
  ['money_returned_org', '— trong đó trả cho tổ chức (đồng)'],
  ['land_returned_m2', 'Đất trả lại cho tổ chức, cá nhân (m²)'],
  ['land_returned_org_m2', '— trong đó trả cho tổ chức (m²)'],
  ['orgs_benefited', 'Số tổ chức được trả lại quyền lợi'],
  ['people_benefited', 'Số cá nhân được trả lại quyền lợi'],
  ['people_disciplined', 'Số người bị (kiến nghị) xử lý hành chính'],
  ['officials_disciplined', '— trong đó cán bộ, công chức, viên chức'],
  ['referred_to_investigation', 'Số vụ chuyển cơ quan điều tra / khởi tố'],
  ['people_referred', 'Số người chuyển cơ quan điều tra / khởi tố'],
  ['officials_referred', '— trong đó cán bộ, công chức, viên chức'],
];

export const HOST: Record<Host, string> = {
  chair: 'Chủ tịch UBND xã',
  party_secretary: 'Bí thư Đảng ủy xã',
  vice_chair: 'Phó Chủ tịch UBND xã (ủy quyền)',
};

export const SESSION_KIND: Record<SessionKind, string> = {
  planned: 'Định kỳ',
  one_off: 'Buổi riêng',
  ad_hoc: 'Đột xuất',
};

export const SHIFT_POLICY: Record<ShiftPolicy, string> = {
  next: 'Dời sang ngày làm việc kế tiếp',
  previous: 'Dời lên ngày làm việc liền trước',
  skip: 'Không tổ chức buổi đó',
};

export const WEEKDAY: Record<Weekday, string> = {
  mon: 'Thứ Hai',
  tue: 'Thứ Ba',
  wed: 'Thứ Tư',
  thu: 'Thứ Năm',
  fri: 'Thứ Sáu',
  sat: 'Thứ Bảy',
  sun: 'Chủ nhật',
};

export const TASK_KIND: Record<TaskKind, string> = {
  enforcement: 'Thi hành quyết định',
  step: 'Bước giải quyết',
  publication: 'Niêm yết, công khai',
  review: 'Rà soát vụ việc',
};

export const WATCH_KIND: Record<WatchKind, string> = {
  hot_spot: 'Điểm nóng',
  crowd_risk: 'Nguy cơ đông người',
  over_level_risk: 'Nguy cơ vượt cấp',
  supervision: 'Kiến nghị qua giám sát',
  returns_after_end: 'Đã chấm dứt nhưng vẫn đến',
};

export const MEDIATION_OUTCOME: Record<MediationOutcome, string> = {
  success: 'Hòa giải thành',
  partial: 'Thành một phần',
  failure: 'Hòa giải không thành',
};
