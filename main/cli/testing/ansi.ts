/** The control sequences (`2A`, `32m`, `?25l`, …) in terminal output, in order, without their `ESC [`. */
export function ansiCodes(text: string): string[] {
  return text
    .split('\u001b[')
    .slice(1)
    .map((part) => /^[0-9;?]*[A-Za-z]/.exec(part)?.[0] ?? '');
}

/** Whether the output moves the cursor up (redraws in place). */
export function movesCursorUp(text: string): boolean {
  return ansiCodes(text).some((c) => /^\d+A$/.test(c));
}

/** Whether the output sets a colour or weight (SGR). */
export function hasColour(text: string): boolean {
  return ansiCodes(text).some((c) => /^\d+m$/.test(c));
}
