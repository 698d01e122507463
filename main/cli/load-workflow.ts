import {
  LIMITS,
  parseWorkflowJson,
  validateWorkflow,
  type NodeTypeRegistry,
  type Problem,
  type WorkflowDocument,
} from '../../engine/index.js';
import { describeReadError } from './errors.js';
import type { CliIo } from './io.js';

/** What became of reading, parsing and validating a workflow file. */
export type LoadResult =
  | { readonly ok: true; readonly document: WorkflowDocument }
  /** The file could not be read at all (missing, a directory, no permission). */
  | { readonly ok: false; readonly stage: 'read'; readonly message: string }
  /** The file was read (or sized up) and its content is wrong: too large, not JSON, invalid. */
  | { readonly ok: false; readonly stage: 'content'; readonly problems: readonly Problem[] };

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Reads a workflow file the way every command does: size first (a file over the limit is refused
 * before a byte of it is read), then JSON, then the engine's validation, which reports every problem.
 */
export async function loadWorkflowFile(
  io: CliIo,
  file: string,
  registry: NodeTypeRegistry,
): Promise<LoadResult> {
  let text: string;
  try {
    const info = await io.stat(file);
    if (!info.isFile) return { ok: false, stage: 'read', message: 'not a file' };
    if (info.size > LIMITS.maxBytes) {
      const message = `the file is ${formatMiB(info.size)}; a workflow may be at most ${formatMiB(LIMITS.maxBytes)}`;
      return { ok: false, stage: 'content', problems: [{ path: '$', message, code: 'TOO_LARGE' }] };
    }
    text = await io.readFile(file);
  } catch (err) {
    return { ok: false, stage: 'read', message: describeReadError(err) };
  }
  // Editors on Windows like to start UTF-8 files with a byte-order mark, which JSON does not allow.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const parsed = parseWorkflowJson(text);
  if (!parsed.ok) return { ok: false, stage: 'content', problems: parsed.problems };
  const validated = validateWorkflow(parsed.value, registry);
  if (!validated.ok) return { ok: false, stage: 'content', problems: validated.problems };
  return { ok: true, document: validated.document };
}
