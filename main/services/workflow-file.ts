/**
 * The workflow file format (SPEC §1, docs/store.md "Import and export"): the canonical text an export
 * writes, and the checks an import makes before a document reaches the store.
 */
import sjson from 'secure-json-parse';
import {
  LIMITS,
  formatPath,
  validateWorkflow,
  type NodeTypeRegistry,
  type WorkflowDocument,
  type WorkflowRequirement,
} from '../../engine/index.js';
import { InvalidInputError, MissingPluginsError, WeftError, type InputProblem } from '../errors.js';

/**
 * JSON with keys sorted (by code unit) at every level, arrays in order, two-space indentation and a
 * trailing newline. Written by hand rather than with `JSON.stringify` on re-ordered objects, because an
 * object always lists integer-like keys ("2", "10") first whatever their insertion order.
 */
export function canonicalJson(value: unknown): string {
  return `${write(value, '')}\n`;
}

function write(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') {
    // Same scalars as JSON.stringify: non-finite numbers become null; undefined/functions as null.
    const text = JSON.stringify(value) as string | undefined;
    return text ?? 'null';
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = Array.from(value, (v: unknown) => `${inner}${write(v, inner)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
    .sort();
  if (keys.length === 0) return '{}';
  const items = keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(record[k], inner)}`);
  return `{\n${items.join(',\n')}\n${indent}}`;
}

// ---------------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------------

/**
 * Param keys whose values are treated as secrets. Every value under such a key — string, number or a
 * whole object — is replaced by "" on export, at any depth of a node's params, so that no credential a
 * person typed into a node ever leaves the machine in a shared file. This errs on the side of blanking
 * (a `maxTokens` count is blanked too): a re-entered value costs less than a leaked key.
 */
export const SECRET_KEY = /secret|password|passwd|token|api[-_]?key|authorization|credential/i;

export interface ExportOptions {
  /** The plugin that contributes a node type, or undefined when no installed plugin does. */
  pluginOf(type: string): { name: string; version?: string } | undefined;
}

export interface ExportResult {
  readonly text: string;
  /** Paths of the param values blanked as secrets, so the caller can tell the person. */
  readonly strippedPaths: readonly string[];
}

/** Copies params, blanking secret-named values; new objects throughout, so the input is untouched. */
function stripSecrets(value: unknown, path: Array<string | number>, stripped: string[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown, i) => stripSecrets(v, [...path, i], stripped));
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]): [string, unknown] => {
    if (SECRET_KEY.test(k)) {
      stripped.push(formatPath([...path, k]));
      return [k, ''];
    }
    return [k, stripSecrets(v, [...path, k], stripped)];
  });
  // fromEntries defines own properties: a stray "__proto__" key stays data, never a prototype.
  return Object.fromEntries(entries);
}

function requirementsOf(doc: WorkflowDocument, opts: ExportOptions): WorkflowRequirement[] {
  const byPlugin = new Map<string, WorkflowRequirement>();
  let unresolved = false;
  for (const node of doc.nodes) {
    // Bundled node types ship with every Weft; naming them would only make imports fail needlessly.
    if (node.type.startsWith('core.')) continue;
    const plugin = opts.pluginOf(node.type);
    if (!plugin) {
      unresolved = true;
      continue;
    }
    const req: WorkflowRequirement = { plugin: plugin.name };
    if (plugin.version !== undefined) req.version = `^${plugin.version}`;
    byPlugin.set(plugin.name, req);
  }
  // A node type no installed plugin provides (its plugin was removed since) keeps the requirement the
  // document already carried, so re-exporting does not silently drop what the file needs.
  if (unresolved) {
    for (const req of doc.requires ?? []) if (!byPlugin.has(req.plugin)) byPlugin.set(req.plugin, { ...req });
  }
  return [...byPlugin.values()].sort((a, b) => (a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0));
}

/** Export with the list of blanked secrets; `exportWorkflow` is the text alone. */
export function exportWorkflowWithReport(doc: WorkflowDocument, opts: ExportOptions): ExportResult {
  const strippedPaths: string[] = [];
  const nodes = doc.nodes.map((node, i) =>
    node.params === undefined
      ? node
      : { ...node, params: stripSecrets(node.params, ['nodes', i, 'params'], strippedPaths) },
  );
  const text = canonicalJson({ ...doc, nodes, requires: requirementsOf(doc, opts) });
  return { text, strippedPaths };
}

/**
 * The file form of a stored workflow: canonical JSON with `requires` filled in and secrets blanked.
 * Two exports of one document are byte-identical.
 */
export function exportWorkflow(doc: WorkflowDocument, opts: ExportOptions): string {
  return exportWorkflowWithReport(doc, opts).text;
}

// ---------------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------------

function refuse(path: string, code: string, message: string): InvalidInputError {
  return new InvalidInputError([{ path, code, message }]);
}

/**
 * Finds nesting deeper than `maxDepth` in JSON text without parsing it, so a 100,000-deep array is
 * refused before any recursive walk (ours or a library's) could overflow the stack. Counts as the
 * engine does (the root container is depth 1) and names the path of the first container too deep.
 * Strings are skipped, so brackets inside them do not count; malformed text never throws here.
 */
export function findTooDeep(text: string, maxDepth: number = LIMITS.maxDepth): string | undefined {
  // One frame per open container: the current index of an array, the last key of an object.
  const frames: Array<{
    array: boolean;
    index: number;
    key: [number, number] | undefined;
    expectKey: boolean;
  }> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
      const top = frames[frames.length - 1];
      if (top && !top.array && top.expectKey) {
        top.key = [start, i + 1];
        top.expectKey = false;
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (frames.length + 1 > maxDepth) return pathOf(text, frames);
      frames.push({ array: c === 0x5b, index: 0, key: undefined, expectKey: c === 0x7b });
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      frames.pop();
    } else if (c === 0x2c /* , */) {
      const top = frames[frames.length - 1];
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
    }
  }
  return undefined;
}

function pathOf(
  text: string,
  frames: ReadonlyArray<{ array: boolean; index: number; key: [number, number] | undefined }>,
): string {
  return formatPath(
    frames.map((f) => {
      if (f.array) return f.index;
      if (!f.key) return '?';
      const raw = text.slice(f.key[0], f.key[1]);
      try {
        return String(JSON.parse(raw));
      } catch {
        return raw;
      }
    }),
  );
}

/**
 * Whether `installed` meets a requirement, by major version only: "^1.2.0", "~1.2", "1.x" need major 1,
 * ">=1.2" major 1 or later. Export writes carets, so that is the case that matters.
 */
function satisfies(range: string | undefined, installed: string): boolean {
  if (range === undefined || range.trim() === '' || range.trim() === '*') return true;
  const want = /^\s*(>=)?\s*[\^~=v]*\s*(\d+)/.exec(range);
  const have = /^\s*v?(\d+)/.exec(installed);
  if (!want || !have) return false;
  return want[1] ? Number(have[1]) >= Number(want[2]) : Number(have[1]) === Number(want[2]);
}

/** The plugins a document's `requires` names that are not installed, or not in a compatible version. */
function missingPlugins(
  requires: unknown,
  installed: (plugin: string) => { version: string } | undefined,
): Array<{ plugin: string; version?: string; installed?: string }> {
  if (!Array.isArray(requires)) return [];
  const missing: Array<{ plugin: string; version?: string; installed?: string }> = [];
  for (const req of requires as unknown[]) {
    if (req === null || typeof req !== 'object') continue;
    const { plugin, version } = req as { plugin?: unknown; version?: unknown };
    if (typeof plugin !== 'string') continue;
    const range = typeof version === 'string' ? version : undefined;
    const have = installed(plugin);
    if (have && satisfies(range, have.version)) continue;
    const entry: { plugin: string; version?: string; installed?: string } = { plugin };
    if (range !== undefined) entry.version = range;
    if (have) entry.installed = have.version;
    missing.push(entry);
  }
  return missing;
}

/**
 * Turns the text of a workflow file into a validated document, or refuses it with every problem and
 * its path. Order matters: size before anything else, nesting before parsing, parsing that never lets
 * a prototype key become anything but an own data property, then the same checks as `weft validate`,
 * then the plugins the file needs.
 */
export function parseImport(
  text: string,
  registry: NodeTypeRegistry,
  installed: (plugin: string) => { version: string } | undefined,
): WorkflowDocument {
  // A UTF-16 unit is at least one UTF-8 byte, so a long string is refused without measuring it.
  const bytes = text.length > LIMITS.maxBytes ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes > LIMITS.maxBytes) {
    throw new WeftError('TOO_LARGE', `the file is over the ${LIMITS.maxBytes}-byte (10 MiB) limit`, '$', {
      bytes,
    });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = findTooDeep(body);
  if (deep !== undefined) throw refuse(deep, 'TOO_DEEP', `nested deeper than ${LIMITS.maxDepth} levels`);

  let raw: unknown;
  try {
    raw = sjson.parse(body, null, { protoAction: 'error', constructorAction: 'error' });
  } catch (e) {
    // secure-json-parse throws the same SyntaxError class for bad JSON and for a forbidden key, and
    // names no path. Plain JSON.parse tells the two apart: it only ever defines own data properties,
    // so the prototype-keyed object it builds is inert, and the engine's validation names each
    // forbidden key's path. That object is only read, then dropped.
    let plain: unknown;
    try {
      plain = JSON.parse(body);
    } catch (syntax) {
      throw refuse('$', 'INVALID_JSON', `not valid JSON: ${(syntax as Error).message}`);
    }
    const result = validateWorkflow(plain, registry);
    const forbidden = result.ok ? [] : result.problems.filter((p) => p.code === 'FORBIDDEN_KEY');
    if (forbidden.length > 0) throw new InvalidInputError(forbidden);
    throw refuse('$', 'FORBIDDEN_KEY', `the file holds a forbidden key (${(e as Error).message})`);
  }

  const result = validateWorkflow(raw, registry);
  const missing = missingPlugins(
    raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).requires : undefined,
    installed,
  );
  if (!result.ok) {
    // Node types nobody provides because their plugin is missing: naming the plugins is the useful
    // answer, so it wins when those are the only problems.
    if (missing.length > 0 && result.problems.every((p) => p.code === 'UNKNOWN_NODE_TYPE')) {
      throw new MissingPluginsError(missing);
    }
    const problems: InputProblem[] = result.problems;
    throw new InvalidInputError(problems);
  }
  if (missing.length > 0) throw new MissingPluginsError(missing);
  return result.document;
}
