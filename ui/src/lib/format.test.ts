import { describe, expect, it } from 'vitest';
import { backupFreshness, formatDate, formatNumber, todayHeading } from './format';

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
