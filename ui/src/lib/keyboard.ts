// Keyboard-first forms: Enter moves to the next field (it does not submit), Ctrl+S saves.

// Enter moves between the fields only: a button ("+ Thêm công dân") is reached with Tab,
// so pressing Enter twice never adds an empty row.
const FOCUSABLE = 'input:not([disabled]):not([type="hidden"]):not([readonly]), select:not([disabled]), textarea:not([disabled])';

/** The field after `current` inside `form`, in reading (DOM) order. */
export function nextField(form: HTMLElement, current: Element): HTMLElement | null {
  const all = Array.from(form.querySelectorAll<HTMLElement>(FOCUSABLE));
  const i = all.indexOf(current as HTMLElement);
  return i >= 0 && i + 1 < all.length ? all[i + 1] : null;
}

/**
 * Keydown handler for a form: Enter in a text field or select moves on; Ctrl+S calls
 * `save`. Returns true when it handled the key.
 */
export function handleFormKey(event: KeyboardEvent, form: HTMLElement, save: () => void): boolean {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
    event.preventDefault();
    save();
    return true;
  }
  const target = event.target as HTMLElement | null;
  if (event.key === 'Enter' && target && (target.tagName === 'INPUT' || target.tagName === 'SELECT')) {
    const type = (target as HTMLInputElement).type;
    if (type === 'checkbox' || type === 'submit') return false;
    event.preventDefault();
    nextField(form, target)?.focus();
    return true;
  }
  return false;
}
