// Dates as officers read and type them: dd/mm/yyyy, 24-hour times, "." thousands.

/** "2026-11-23" or "2026-11-23T09:15:00" → "23/11/2026" (with " 09:15" when timed). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const date = `${m[3]}/${m[2]}/${m[1]}`;
  return m[4] ? `${date} ${m[4]}:${m[5]}` : date;
}

/** 1234567 → "1.234.567". */
export function formatNumber(n: number): string {
  return Math.trunc(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export type BackupFreshness = 'none' | 'fresh' | 'stale';

/** A backup older than one day is stale (shown amber in the status bar). */
export function backupFreshness(lastBackupAt: string | null | undefined, now: Date): BackupFreshness {
  if (!lastBackupAt) return 'none';
  const taken = new Date(lastBackupAt);
  if (Number.isNaN(taken.getTime())) return 'none';
  return now.getTime() - taken.getTime() > 24 * 60 * 60 * 1000 ? 'stale' : 'fresh';
}

/** Today as the dashboard heading says it: "Thứ Hai, 23/11/2026". */
export function todayHeading(now: Date): string {
  const days = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
  const dd = String(now.getDate()).padStart(2, '0');
  const mm = String(now.getMonth() + 1).padStart(2, '0');
  return `${days[now.getDay()]}, ${dd}/${mm}/${now.getFullYear()}`;
}

/** A Date as the officer types a time: "23/11/2026 09:14". */
export function formatDateTimeInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "23/11/2026 09:14" (or "23/11/2026 9:14") → "2026-11-23T09:14"; null when malformed. */
export function parseDateTime(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year, hour, minute] = m.slice(1).map(Number);
  const d = new Date(year, month - 1, day, hour, minute);
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day || hour > 23 || minute > 59) {
    return null;
  }
  const p = (n: number) => String(n).padStart(2, '0');
  return `${year}-${p(month)}-${p(day)}T${p(hour)}:${p(minute)}`;
}

/**
 * One line of the "papers handed in" box: "Quyết định 12/QĐ-UBND (bản chính, 3 trang)".
 * "bản chính" marks an original (else a copy, "có chứng thực" a certified one); "N trang"
 * gives the page count.
 */
export function parsePaper(line: string): { title: string; original: boolean; certified: boolean; pages: number | null } {
  const lower = line.toLowerCase();
  const original = lower.includes('bản chính');
  // "(bản sao có chứng thực)" or "(sao y)" in the brackets: a certified copy.
  const brackets = Array.from(lower.matchAll(/\(([^()]*)\)/g), (m) => m[1]).join(' ');
  const certified = !original && /chứng thực|sao y/.test(brackets);
  const pages = /(\d+)\s*(trang|tờ)/.exec(lower);
  const title = line
    .replace(/\((?:[^()]*?(?:bản chính|bản sao|chứng thực|sao y|\d+\s*(?:trang|tờ))[^()]*?)\)/giu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { title: title || line.trim(), original, certified, pages: pages ? Number(pages[1]) : null };
}

/** "23/11/2026" (or "3/1/2026") → "2026-11-23"; "" → null; undefined when malformed. */
export function parseDate(text: string): string | null | undefined {
  if (!text.trim()) return null;
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [day, month, year] = m.slice(1).map(Number);
  const d = new Date(year, month - 1, day);
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day) return undefined;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${year}-${p(month)}-${p(day)}`;
}
