import { describe, expect, it } from 'vitest';
import { backupFreshness, formatDate, formatNumber, parseDate, parsePaper, todayHeading } from './format';

describe('format', () => {
  it('shows dates as dd/mm/yyyy with 24-hour times', () => {
    expect(formatDate('2026-11-23')).toBe('23/11/2026');
    expect(formatDate('2026-07-06T14:05:09')).toBe('06/07/2026 14:05');
    expect(formatDate('không phải ngày')).toBe('không phải ngày');
  });

  it('groups thousands with dots', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1234567)).toBe('1.234.567');
  });

  it('marks a backup older than a day as stale', () => {
    const now = new Date('2026-11-23T10:00:00');
    expect(backupFreshness(null, now)).toBe('none');
    expect(backupFreshness('rác', now)).toBe('none');
    expect(backupFreshness('2026-11-23T08:00:00', now)).toBe('fresh');
    expect(backupFreshness('2026-11-22T09:59:00', now)).toBe('stale');
  });

  it('names the weekday in Vietnamese', () => {
    expect(todayHeading(new Date('2026-11-23T10:00:00'))).toBe('Thứ Hai, 23/11/2026');
    expect(todayHeading(new Date('2026-11-29T10:00:00'))).toBe('Chủ nhật, 29/11/2026');
  });
});

describe('typed times', () => {
  it('reads dd/mm/yyyy hh:mm and refuses impossible dates', async () => {
    const { parseDateTime, formatDateTimeInput } = await import('./format');
    expect(parseDateTime('23/11/2026 09:14')).toBe('2026-11-23T09:14');
    expect(parseDateTime(' 1/2/2026 7:05 ')).toBe('2026-02-01T07:05');
    expect(parseDateTime('30/02/2026 09:00')).toBeNull();
    expect(parseDateTime('23/11/2026 24:00')).toBeNull();
    expect(parseDateTime('2026-11-23 09:14')).toBeNull();
    expect(formatDateTimeInput(new Date(2026, 10, 23, 9, 4))).toBe('23/11/2026 09:04');
  });
});

describe('parsePaper', () => {
  it('reads the original mark and the page count from the brackets', () => {
    expect(parsePaper('Quyết định 12/QĐ-UBND (bản chính, 3 trang)')).toEqual({
      title: 'Quyết định 12/QĐ-UBND',
      original: true,
      certified: false,
      pages: 3,
    });
    expect(parsePaper('Sổ đỏ (bản sao)')).toEqual({ title: 'Sổ đỏ', original: false, certified: false, pages: null });
    expect(parsePaper('Ảnh chụp hiện trạng')).toEqual({ title: 'Ảnh chụp hiện trạng', original: false, certified: false, pages: null });
    expect(parsePaper('Biên bản hòa giải (2 tờ)')).toEqual({ title: 'Biên bản hòa giải', original: false, certified: false, pages: 2 });
    expect(parsePaper('Văn bản chứng thực chữ ký (bản sao)').certified).toBe(false);
    expect(parsePaper('Giấy chứng nhận (bản sao có chứng thực, 2 trang)')).toEqual({
      title: 'Giấy chứng nhận',
      original: false,
      certified: true,
      pages: 2,
    });
  });
});

describe('parseDate', () => {
  it('reads dd/mm/yyyy, allows empty, refuses impossible dates', () => {
    expect(parseDate('23/11/2026')).toBe('2026-11-23');
    expect(parseDate('3/1/2026')).toBe('2026-01-03');
    expect(parseDate('  ')).toBeNull();
    expect(parseDate('31/02/2026')).toBeUndefined();
    expect(parseDate('2026-11-23')).toBeUndefined();
  });
});
