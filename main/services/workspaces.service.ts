import { randomUUID } from 'node:crypto';
import type { WorkflowDocument } from '../../engine/index.js';
import type { Workspace, WorkspacePolicy } from '../../preload/contract.js';
import { immediate, type Db } from '../db/connection.js';
import * as repo from '../db/workspaces.repo.js';
import { InvalidInputError, NotFoundError, PolicyDeniedError } from '../errors.js';

/** The workspace every fresh data folder starts with. */
export const DEFAULT_WORKSPACE_NAME = 'Default';

export type { Workspace, WorkspacePolicy };

/** What workspace functions need of a store. */
export interface HasDb {
  readonly db: Db;
}

function toWorkspace(row: repo.WorkspaceRow): Workspace {
  return { ...row, policy: JSON.parse(row.policy) as WorkspacePolicy };
}

function newId(): string {
  return `ws_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

function checkName(db: Db, name: unknown, exceptId?: string): string {
  if (typeof name !== 'string' || name.trim().length < 1 || name.length > 100) {
    throw new InvalidInputError([
      { path: 'name', code: 'INVALID_VALUE', message: 'a workspace name is 1–100 characters' },
    ]);
  }
  const clash = repo.getWorkspaceByName(db, name);
  if (clash && clash.id !== exceptId) {
    throw new InvalidInputError([
      { path: 'name', code: 'DUPLICATE', message: `a workspace named "${clash.name}" exists` },
    ]);
  }
  return name;
}

export function listWorkspaces(store: HasDb): Workspace[] {
  return repo.listWorkspaces(store.db).map(toWorkspace);
}

export function getWorkspace(store: HasDb, id: string): Workspace {
  const row = repo.getWorkspace(store.db, id);
  if (!row) throw new NotFoundError('workspace', id);
  return toWorkspace(row);
}

export function getWorkspaceByName(store: HasDb, name: string): Workspace {
  const row = repo.getWorkspaceByName(store.db, name);
  if (!row) throw new NotFoundError('workspace', name);
  return toWorkspace(row);
}

export function createWorkspace(store: HasDb, name: string): Workspace {
  const id = newId();
  // The name check and the insert share one transaction, so two creators cannot both pass the check.
  immediate(store.db, () =>
    repo.insertWorkspace(store.db, { id, name: checkName(store.db, name), at: Date.now() }),
  );
  return getWorkspace(store, id);
}

export function renameWorkspace(store: HasDb, id: string, name: string): Workspace {
  immediate(store.db, () => {
    const checked = checkName(store.db, name, id);
    if (!repo.renameWorkspace(store.db, id, checked, Date.now())) throw new NotFoundError('workspace', id);
  });
  return getWorkspace(store, id);
}

/** Deletes a workspace with all its workflows, versions and runs. */
export function deleteWorkspace(store: HasDb, id: string): void {
  immediate(store.db, () => {
    if (!repo.deleteWorkspace(store.db, id)) throw new NotFoundError('workspace', id);
  });
}

/** The workspace named `Default`, created the first time it is asked for. */
export function ensureDefaultWorkspace(store: HasDb): Workspace {
  const id = immediate(store.db, () => {
    const found = repo.getWorkspaceByName(store.db, DEFAULT_WORKSPACE_NAME);
    if (found) return found.id;
    const created = newId();
    repo.insertWorkspace(store.db, { id: created, name: DEFAULT_WORKSPACE_NAME, at: Date.now() });
    return created;
  });
  return getWorkspace(store, id);
}

function typeList(value: unknown, path: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    !value.every((t) => typeof t === 'string' && t.length > 0 && t.length <= 200) ||
    value.length > 1000
  ) {
    throw new InvalidInputError([{ path, code: 'INVALID_VALUE', message: 'a list of node type names' }]);
  }
  return [...new Set(value as string[])];
}

/** Replaces a workspace's policy. */
export function setWorkspacePolicy(store: HasDb, id: string, policy: WorkspacePolicy): Workspace {
  const clean: WorkspacePolicy = {};
  const allowed = typeList(policy.allowedNodeTypes, 'allowedNodeTypes');
  const denied = typeList(policy.deniedNodeTypes, 'deniedNodeTypes');
  // An empty list means no restriction of that kind (the contract's WorkspacePolicy), so it is not kept:
  // an empty allow list must not read as "nothing allowed" anywhere the policy is checked.
  if (allowed && allowed.length > 0) clean.allowedNodeTypes = allowed;
  if (denied && denied.length > 0) clean.deniedNodeTypes = denied;
  immediate(store.db, () => {
    if (!repo.setWorkspacePolicy(store.db, id, JSON.stringify(clean), Date.now()))
      throw new NotFoundError('workspace', id);
  });
  return getWorkspace(store, id);
}

/** Refuses a document that uses node types the workspace's policy denies, naming every such node. */
export function checkPolicy(store: HasDb, id: string, document: Pick<WorkflowDocument, 'nodes'>): void {
  const { policy } = getWorkspace(store, id);
  const allowed = policy.allowedNodeTypes && new Set(policy.allowedNodeTypes);
  const denied = new Set(policy.deniedNodeTypes ?? []);
  const bad = document.nodes.filter(
    (n) => denied.has(n.type) || (allowed !== undefined && !allowed.has(n.type)),
  );
  if (bad.length > 0)
    throw new PolicyDeniedError(
      bad.map((n) => n.id),
      [...new Set(bad.map((n) => n.type))],
    );
}

/** Sets how many runs per workflow the workspace keeps. */
export function setRunRetention(store: HasDb, id: string, keep: number): Workspace {
  if (!Number.isInteger(keep) || keep < 1 || keep > 1_000_000) {
    throw new InvalidInputError([
      { path: 'runRetention', code: 'INVALID_VALUE', message: 'a whole number from 1 to 1,000,000' },
    ]);
  }
  immediate(store.db, () => {
    if (!repo.setWorkspaceRunRetention(store.db, id, keep, Date.now()))
      throw new NotFoundError('workspace', id);
  });
  return getWorkspace(store, id);
}

/** Whether the workspace exists: what dispatch asks before a call that names one. */
export function workspaceExists(store: HasDb, id: string): boolean {
  return repo.getWorkspace(store.db, id) !== undefined;
}
