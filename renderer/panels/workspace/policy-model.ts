// A workspace policy (SPEC §4) in the editor: why a node type may not be used, which palette entries
// show as disabled, and the policy editor's draft (deny list, optional allow list) and its rows. Pure.
import type { WorkspacePolicy } from '../../../preload/contract.js';

/** A node type some loaded plugin provides, whether or not the policy lets the workspace use it. */
export interface KnownType {
  readonly type: string;
  readonly plugin: string;
}

/** Why `type` may not be used in a workspace with `policy`; null when it may. Same rule as the host. */
export function deniedReason(policy: WorkspacePolicy, type: string): string | null {
  if (policy.deniedNodeTypes?.includes(type)) return 'Denied by this workspace’s policy';
  if (policy.allowedNodeTypes !== undefined && !policy.allowedNodeTypes.includes(type)) {
    return 'Not among this workspace’s allowed node types';
  }
  return null;
}

export interface DeniedEntry extends KnownType {
  readonly reason: string;
}

/**
 * The palette's disabled entries: known types the policy keeps out (the host leaves them out of the
 * workspace's node types), matching `query` the way the palette's search does.
 */
export function deniedEntries(
  known: readonly KnownType[],
  policy: WorkspacePolicy,
  usable: ReadonlySet<string>,
  query: string,
): DeniedEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: DeniedEntry[] = [];
  for (const k of known) {
    if (usable.has(k.type)) continue;
    const reason = deniedReason(policy, k.type);
    if (!reason) continue;
    const text = `${k.type} ${k.plugin}`.toLowerCase();
    if (words.every((w) => text.includes(w))) out.push({ ...k, reason });
  }
  return out.sort((a, b) => a.type.localeCompare(b.type));
}

/** The policy as the editor edits it: restricting to an allow list is a choice of its own. */
export interface PolicyDraft {
  readonly restrict: boolean;
  readonly allowed: readonly string[];
  readonly denied: readonly string[];
}

export function draftFromPolicy(policy: WorkspacePolicy): PolicyDraft {
  return {
    restrict: policy.allowedNodeTypes !== undefined,
    allowed: [...(policy.allowedNodeTypes ?? [])].sort(),
    denied: [...(policy.deniedNodeTypes ?? [])].sort(),
  };
}

/**
 * What `workspaces.setPolicy` is sent. The host reads a present allow list as "only these", even an
 * empty one, so the list is only sent while restricting; an empty deny list is left out.
 */
export function policyFromDraft(draft: PolicyDraft): WorkspacePolicy {
  return {
    ...(draft.restrict ? { allowedNodeTypes: [...draft.allowed].sort() } : {}),
    ...(draft.denied.length > 0 ? { deniedNodeTypes: [...draft.denied].sort() } : {}),
  };
}

export function sameDraft(a: PolicyDraft, b: PolicyDraft): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);
  return a.restrict === b.restrict && same(a.denied, b.denied) && (!a.restrict || same(a.allowed, b.allowed));
}

/** Adds or removes `type` from one of the draft's lists. */
export function toggleIn(draft: PolicyDraft, list: 'allowed' | 'denied', type: string, on: boolean): PolicyDraft {
  const without = draft[list].filter((t) => t !== type);
  return { ...draft, [list]: on ? [...without, type].sort() : without };
}

export interface PolicyRow {
  readonly type: string;
  /** The providing plugin; null for a type in the policy that no loaded plugin provides. */
  readonly plugin: string | null;
  readonly allowed: boolean;
  readonly denied: boolean;
  /** Whether the type may be used under the draft. */
  readonly usable: boolean;
}

/** One row per known type and per type the draft names, filtered by `query`, by plugin then type. */
export function policyRows(known: readonly KnownType[], draft: PolicyDraft, query = ''): PolicyRow[] {
  const plugins = new Map(known.map((k) => [k.type, k.plugin]));
  const types = new Set([...plugins.keys(), ...draft.denied, ...(draft.restrict ? draft.allowed : [])]);
  const policy = policyFromDraft(draft);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return [...types]
    .map((type) => ({
      type,
      plugin: plugins.get(type) ?? null,
      allowed: draft.allowed.includes(type),
      denied: draft.denied.includes(type),
      usable: deniedReason(policy, type) === null,
    }))
    .filter((r) => words.every((w) => `${r.type} ${r.plugin ?? ''}`.toLowerCase().includes(w)))
    .sort(
      (a, b) =>
        // Types no loaded plugin provides go last.
        Number(a.plugin === null) - Number(b.plugin === null) ||
        (a.plugin ?? '').localeCompare(b.plugin ?? '') ||
        a.type.localeCompare(b.type),
    );
}

/** The contract's bounds for the runs kept per workflow. */
export const RETENTION_MIN = 1;
export const RETENTION_MAX = 100_000;

/** Why `text` is not a run retention, or null when it is one. */
export function retentionProblem(text: string): string | null {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n)) return 'A whole number of runs';
  if (n < RETENTION_MIN || n > RETENTION_MAX) return `From ${RETENTION_MIN} to ${RETENTION_MAX.toLocaleString('en')}`;
  return null;
}
