// The one way the UI calls the Tauri shell: an error always arrives as ErrorData with a
// Vietnamese message, never as an exception.
import { invoke } from '@tauri-apps/api/core';
import type { ErrorData } from './bindings';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** Turns whatever was thrown into ErrorData, so no error is ever swallowed or raw. */
export function toErrorData(e: unknown): ErrorData {
  if (typeof e === 'object' && e !== null && 'code' in e && 'message_vi' in e) {
    const d = e as ErrorData;
    return { code: d.code, message_vi: d.message_vi, fields: d.fields ?? [] };
  }
  return { code: 'internal', message_vi: `Lỗi không mong đợi: ${String(e)}`, fields: [] };
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await invoke<T>(command, args) };
  } catch (e) {
    return { ok: false, error: toErrorData(e) };
  }
}
