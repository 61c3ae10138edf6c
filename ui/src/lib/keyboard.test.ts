import { describe, expect, it, vi } from 'vitest';
import { handleFormKey, nextField } from './keyboard';

function form(): HTMLFormElement {
  document.body.innerHTML = `
    <form id="f">
      <input id="a" type="text" />
      <input id="b" type="text" disabled />
      <select id="c"><option>1</option></select>
      <input id="d" type="checkbox" />
      <button id="e" type="submit">Lưu</button>
    </form>`;
  return document.getElementById('f') as HTMLFormElement;
}

describe('keyboard', () => {
  it('Enter moves to the next enabled field instead of submitting', () => {
    const f = form();
    const a = document.getElementById('a')!;
    a.focus();
    const ev = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
    Object.defineProperty(ev, 'target', { value: a });
    expect(handleFormKey(ev, f, () => {})).toBe(true);
    expect(ev.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('c');
  });

  it('Ctrl+S saves', () => {
    const f = form();
    const save = vi.fn();
    const ev = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, cancelable: true });
    expect(handleFormKey(ev, f, save)).toBe(true);
    expect(save).toHaveBeenCalledOnce();
  });

  it('leaves Enter on a checkbox alone', () => {
    const f = form();
    const d = document.getElementById('d')!;
    const ev = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
    Object.defineProperty(ev, 'target', { value: d });
    expect(handleFormKey(ev, f, () => {})).toBe(false);
  });

  it('Enter skips buttons, so it never presses "+ Thêm công dân"', () => {
    document.body.innerHTML = `
      <form id="g">
        <input id="phone" type="text" />
        <button id="add" type="button">+ Thêm công dân</button>
        <input id="people" type="text" />
      </form>`;
    const g = document.getElementById('g') as HTMLFormElement;
    expect(nextField(g, document.getElementById('phone')!)?.id).toBe('people');
  });

  it('has no field after the last one', () => {
    const f = form();
    expect(nextField(f, document.getElementById('e')!)).toBeNull();
  });
});
