import { describe, expect, it } from 'vitest';
import { toErrorData } from './api';

describe('toErrorData', () => {
  it('keeps an error that came from the core as data', () => {
    const e = { code: 'invalid', message_vi: 'Chưa nhập tên cơ quan.', fields: [{ field: 'name', message_vi: 'Chưa nhập tên cơ quan.' }] };
    expect(toErrorData(e)).toEqual(e);
  });

  it('turns anything else into an internal error with a Vietnamese message', () => {
    const d = toErrorData(new Error('boom'));
    expect(d.code).toBe('internal');
    expect(d.message_vi).toContain('Lỗi không mong đợi');
    expect(d.fields).toEqual([]);
  });
});
