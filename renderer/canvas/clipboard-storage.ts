// Where a copy is kept besides the system clipboard: localStorage, so a paste works in another workflow
// or another tab of the same editor even where the system clipboard cannot be read (no permission, no
// secure context); and memory, for when storage refuses (private windows, quota).
const KEY = 'weft.clipboard';

export interface StoredClip {
  readonly text: string;
  /** The system clipboard got it too; when not, a paste prefers this copy over foreign clipboard text. */
  readonly onSystemClipboard: boolean;
}

let inMemory: StoredClip | null = null;

export function rememberClip(clip: StoredClip): void {
  inMemory = clip;
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(clip));
  } catch {
    // Too large or refused: the copy lasts for this tab only.
  }
}

function isStoredClip(v: unknown): v is StoredClip {
  if (v === null || typeof v !== 'object') return false;
  const rec = v as Record<string, unknown>;
  return typeof rec['text'] === 'string' && typeof rec['onSystemClipboard'] === 'boolean';
}

/** The last copy made in any tab of this origin (this tab's, when storage is unavailable). */
export function recallClip(): StoredClip | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return inMemory;
    const parsed = JSON.parse(raw) as unknown;
    return isStoredClip(parsed) ? parsed : inMemory;
  } catch {
    return inMemory;
  }
}

/** Best effort: the system clipboard API needs a secure context and, in some browsers, a permission. */
export async function writeSystemClipboard(text: string): Promise<boolean> {
  try {
    if (!globalThis.navigator?.clipboard) return false;
    await globalThis.navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
