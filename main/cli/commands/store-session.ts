// What every store command shares: the --data-dir/--workspace/--json options, opening the store once
// per command (closed at the end, whatever happens), finding the workspace, and turning the services'
// expected failures (not found, invalid input, a database too new) into a message and exit 2.
import { InvalidInputError, NotFoundError, WeftError } from '../../errors.js';
import { openStore, resolveDataDir, type OpenStore } from '../../services/store.js';
import {
  DEFAULT_WORKSPACE_NAME,
  getWorkspaceByName,
  type Workspace,
} from '../../services/workspaces.service.js';
import { stringOption, type CommandArgsSpec, type ParsedArgs } from '../args.js';
import { ExitCode, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import type { CommandContext } from './context.js';

/** The options every store command takes. */
export const storeOptions: CommandArgsSpec['options'] = {
  'data-dir': { type: 'string' },
  workspace: { type: 'string' },
};

/** Their lines in a command's help. */
export const storeOptionsHelp = `  --data-dir DIR      the data folder (default: $WEFT_HOME, else ~/.weft)
  --workspace NAME    the workspace (default: ${DEFAULT_WORKSPACE_NAME}, created on first use)`;

/** An open store and the workspace the command works in. */
export interface StoreSession {
  readonly store: OpenStore;
  readonly workspace: Workspace;
}

/** A failure the command explains in one line and exits with (2 unless said otherwise). */
export class CommandFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.usage,
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}

/** Writes `weft CMD: message` on stderr and returns exit 2. */
export function fail(io: CliIo, command: string, message: string): number {
  io.stderr.write(`${command}: ${message}\n`);
  return ExitCode.usage;
}

/** Prints an expected failure of a service call (or a CommandFailure); anything else is rethrown. */
export function reportFailure(io: CliIo, command: string, err: unknown): number {
  if (err instanceof CommandFailure) {
    io.stderr.write(`${command}: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof InvalidInputError && err.problems.length > 1) {
    for (const p of err.problems) io.stderr.write(`${command}: ${p.path}: ${p.message}\n`);
    return ExitCode.usage;
  }
  if (err instanceof WeftError) return fail(io, command, err.message);
  throw err;
}

/** `workflow ID not found` for a workflow id the workspace does not have (or another one's). */
export function notFound(kind: string, id: string): CommandFailure {
  return new CommandFailure(`${kind} ${id} not found`);
}

/** Rethrows a NotFoundError as "KIND ID not found" (the id as typed); other errors pass through. */
export function orNotFound<T>(kind: string, id: string, call: () => T): T {
  try {
    return call();
  } catch (err) {
    if (err instanceof NotFoundError) throw notFound(kind, id);
    throw err;
  }
}

/**
 * Opens the store named by the options, finds the workspace, runs `fn`, and closes the store. The
 * Default workspace is created on first use (by `openStore`); any other name must exist.
 */
export async function withStore(
  ctx: CommandContext,
  command: string,
  parsed: ParsedArgs,
  fn: (session: StoreSession) => Promise<number> | number,
): Promise<number> {
  const { io } = ctx;
  const dataDir = resolveDataDir({ dataDir: stringOption(parsed, 'data-dir'), env: io.env });
  let store: OpenStore;
  try {
    store = openStore({ dataDir, registry: ctx.registry() });
  } catch (err) {
    if (err instanceof WeftError) return fail(io, command, `${dataDir}: ${err.message}`);
    const message = err instanceof Error ? err.message : String(err);
    return fail(io, command, `cannot open the store in ${dataDir}: ${message}`);
  }
  try {
    const name = stringOption(parsed, 'workspace') ?? DEFAULT_WORKSPACE_NAME;
    let workspace: Workspace;
    try {
      workspace = getWorkspaceByName(store, name);
    } catch (err) {
      if (err instanceof NotFoundError) return fail(io, command, `workspace ${name} not found`);
      throw err;
    }
    return await fn({ store, workspace });
  } catch (err) {
    return reportFailure(io, command, err);
  } finally {
    store.close();
  }
}

/** A positive whole number option (`--limit`), or undefined when absent; a bad value is bad usage. */
export function positiveIntOption(
  spec: CommandArgsSpec,
  parsed: ParsedArgs,
  name: string,
): number | undefined {
  const text = stringOption(parsed, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(
      `option --${name} needs a whole number from 1, not '${text}'`,
      spec.usage,
      spec.name,
    );
  }
  return n;
}

/** Collects pages from `page(cursor, size)` until `max` items (or all of them when max is undefined). */
export function collectPages<T>(
  page: (cursor: string | undefined, size: number) => { items: T[]; nextCursor?: string | null | undefined },
  max: number | undefined,
  pageSize: number,
): { items: T[]; more: boolean } {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const want = max === undefined ? pageSize : Math.min(pageSize, max - items.length);
    const result = page(cursor, want);
    items.push(...result.items);
    cursor = result.nextCursor ?? undefined;
    if (cursor === undefined) return { items, more: false };
    if (max !== undefined && items.length >= max) return { items, more: true };
  }
}
