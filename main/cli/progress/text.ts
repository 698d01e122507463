/** The few text styles the CLI uses. */
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta' | 'gray';

const SGR: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  magenta: [35, 39],
  gray: [90, 39],
};

/** A run of text in one style; lines are built from segments so they can be cut to the terminal's width. */
export interface Segment {
  readonly text: string;
  readonly style?: Style | undefined;
}

export function paint(text: string, style: Style | undefined, color: boolean): string {
  if (!color || style === undefined || text === '') return text;
  const [on, off] = SGR[style];
  return `\x1b[${on}m${text}\x1b[${off}m`;
}

/**
 * Colour only for a terminal, and never when NO_COLOR is set to anything (https://no-color.org) or
 * the terminal says it cannot (TERM=dumb).
 */
export function colorWanted(
  stream: { readonly isTTY: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY && env.TERM !== 'dumb';
}

/**
 * Text from a workflow or a node (labels, error messages) made safe for one line of a terminal:
 * control characters, escape sequences included, could move the cursor or recolour the screen.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r?\n/g, ' ⏎ ').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** Columns a code point takes in a terminal: 2 for wide East Asian characters and most emoji. */
function codePointWidth(cp: number): number {
  if (cp === 0x200d || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += codePointWidth(ch.codePointAt(0) ?? 0);
  return w;
}

/** Cuts text to at most `width` columns, ending with `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = codePointWidth(ch.codePointAt(0) ?? 0);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Pads text with spaces to `width` columns (never cuts). */
export function padEnd(text: string, width: number): string {
  const w = textWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/**
 * One terminal line from segments, cut to `width` columns so it never wraps: a wrapped line would
 * throw off the count of lines the live display moves the cursor back over.
 */
export function renderSegments(segments: readonly Segment[], width: number, color: boolean): string {
  let out = '';
  let left = width;
  for (const seg of segments) {
    if (left <= 0) break;
    const w = textWidth(seg.text);
    if (w <= left) {
      out += paint(seg.text, seg.style, color);
      left -= w;
    } else {
      out += paint(truncate(seg.text, left), seg.style, color);
      left = 0;
    }
  }
  return out;
}

/** Removes SGR colour sequences (for tests and for measuring). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}
