// Where typed keys are text: shortcuts and the canvas's clipboard leave those keys to the field.

/** Whether a key typed at `target` is text for it (then canvas shortcuts leave the key alone). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'file'].includes(target.type);
}
