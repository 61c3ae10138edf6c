// A visit to record, handed from one screen to the intake form: the Lịch tiếp dân screen
// sends a booked citizen received at a periodic session ("Ghi lượt tiếp"), the intake
// form takes it once. Plain module state: the window is one page.
import type { Period, ReceivedBy, Reception } from './bindings';

export interface IntakeHandoff {
  reception: Reception;
  receivedBy: ReceivedBy;
  /** `YYYY-MM-DD` and `HH:MM` of the session. */
  on: string;
  start: string;
  /** `null` for a denouncer's booking: the desk types the person again (their record is
   * offered to no one). */
  citizen: { id: number; label: string } | null;
  kase: { id: number; label: string } | null;
}

let pending: IntakeHandoff | null = null;

export function handOff(h: IntakeHandoff) {
  pending = h;
  window.dispatchEvent(new CustomEvent('tiepdan:navigate', { detail: 'intake' }));
}

/** The pending hand-off, once. */
export function takeHandoff(): IntakeHandoff | null {
  const h = pending;
  pending = null;
  return h;
}

// A hot spot handed from the dashboard to the petition register: its filter, once.
export interface RegisterHandoff {
  locality: string | null;
  subfield: string | null;
  /** What the filter is, as shown: "Địa bàn: Thôn Gò Da". */
  label: string;
}

let pendingRegister: RegisterHandoff | null = null;

export function openRegister(h: RegisterHandoff) {
  pendingRegister = h;
  window.dispatchEvent(new CustomEvent('tiepdan:navigate', { detail: 'petitions' }));
}

/** The pending register filter, once. */
export function takeRegisterHandoff(): RegisterHandoff | null {
  const h = pendingRegister;
  pendingRegister = null;
  return h;
}

// A periodic report due, handed from the dashboard to the report screen: its period, once.
let pendingReport: Period | null = null;

export function openReport(p: Period) {
  pendingReport = p;
  window.dispatchEvent(new CustomEvent('tiepdan:navigate', { detail: 'reports' }));
}

/** The pending report period, once. */
export function takeReportHandoff(): Period | null {
  const p = pendingReport;
  pendingReport = null;
  return p;
}
