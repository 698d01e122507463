// Why an import was refused, as the import result dialog lists it: every problem with its JSON path
// (INVALID_INPUT's `details.problems`, or the error's own `path`), or every missing plugin
// (MISSING_PLUGINS' `details.plugins`). Pure: the dialog only renders what this answers.
import { ApiCallError } from '../../../preload/contract.js';

export interface ImportProblem {
  /** JSON path of the offending value; `$` is the whole file, '' when the host named none. */
  readonly path: string;
  readonly message: string;
}

export interface MissingPlugin {
  readonly plugin: string;
  /** The version range the file asks for. */
  readonly version: string | null;
  /** The version installed, when one is but does not fit. */
  readonly installed: string | null;
}

export interface ImportRefusal {
  readonly fileName: string;
  /** One line saying what went wrong overall. */
  readonly summary: string;
  readonly problems: readonly ImportProblem[];
  readonly missingPlugins: readonly MissingPlugin[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function problemsOf(details: Readonly<Record<string, unknown>> | undefined): ImportProblem[] {
  const list = details?.['problems'];
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((p) => ({
    path: typeof p['path'] === 'string' ? p['path'] : '',
    message: typeof p['message'] === 'string' ? p['message'] : String(p['code'] ?? 'invalid'),
  }));
}

function pluginsOf(details: Readonly<Record<string, unknown>> | undefined): MissingPlugin[] {
  const list = details?.['plugins'];
  if (!Array.isArray(list)) return [];
  return list
    .filter(isRecord)
    .filter((p) => typeof p['plugin'] === 'string')
    .map((p) => ({
      plugin: p['plugin'] as string,
      version: typeof p['version'] === 'string' ? p['version'] : null,
      installed: typeof p['installed'] === 'string' ? p['installed'] : null,
    }));
}

/** Why a plugin counts as missing: "^1.2.0 needed, not installed", "^2.0.0 needed, 1.4.0 installed". */
export function missingPluginReason(p: MissingPlugin): string {
  const wanted = p.version ? `${p.version} needed, ` : '';
  return p.installed ? `${wanted}${p.installed} installed` : `${wanted}not installed`;
}

/** One missing plugin as a line: "weft-plugin-text: ^1.2.0 needed, not installed". */
export function describeMissingPlugin(p: MissingPlugin): string {
  return `${p.plugin}: ${missingPluginReason(p)}`;
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** The refusal for an error `workflows.import` answered (or a local failure, such as an unreadable file). */
export function mapImportError(fileName: string, err: unknown): ImportRefusal {
  if (!(err instanceof ApiCallError)) {
    const message = err instanceof Error ? err.message : String(err);
    return { fileName, summary: 'The file could not be imported.', problems: [{ path: '', message }], missingPlugins: [] };
  }
  const { code, message, path, details } = err.error;
  if (code === 'MISSING_PLUGINS') {
    const missingPlugins = pluginsOf(details);
    if (missingPlugins.length > 0) {
      return {
        fileName,
        summary: `The workflow needs ${count(missingPlugins.length, 'plugin', 'plugins')} this workspace does not have.`,
        problems: [],
        missingPlugins,
      };
    }
  }
  const problems = problemsOf(details);
  if (problems.length > 0) {
    return {
      fileName,
      summary: `The file has ${count(problems.length, 'problem', 'problems')}; nothing was imported.`,
      problems,
      missingPlugins: [],
    };
  }
  return {
    fileName,
    summary: code === 'TOO_LARGE' ? 'The file is too large.' : 'The file was refused; nothing was imported.',
    problems: [{ path: path ?? '', message }],
    missingPlugins: [],
  };
}

/** Largest file read for import (the host refuses more than 10 MiB anyway; this spares reading it). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Why a dropped or chosen file is not even sent, or null when it may be. */
export function localFileProblem(file: { name: string; size: number }): ImportProblem | null {
  if (!/\.json$/i.test(file.name)) {
    return { path: '', message: 'not a workflow file: choose a .weft.json file' };
  }
  if (file.size > MAX_IMPORT_BYTES) return { path: '$', message: 'too large: at most 10 MiB' };
  return null;
}
