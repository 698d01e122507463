import { randomUUID } from 'node:crypto';
import { validateWorkflow, type WorkflowDocument } from '../../engine/index.js';
import { immediate } from '../db/connection.js';
import * as tags from '../db/workflow-tags.repo.js';
import * as versions from '../db/workflow-versions.repo.js';
import * as repo from '../db/workflows.repo.js';
import { getWorkspace as getWorkspaceRow } from '../db/workspaces.repo.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { pluginsOf, registryOf, type Store } from './store.js';
import { diffDocuments, type WorkflowDiff } from './workflow-diff.js';
import { exportWorkflowWithReport, parseImport } from './workflow-file.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** A stored workflow at its current version. */
export interface StoredWorkflow {
  id: string;
  version: number;
  name: string;
  description: string;
  tags: string[];
  document: WorkflowDocument;
  createdAt: number;
  updatedAt: number;
}

export type WorkflowSummary = Omit<StoredWorkflow, 'document'>;

export interface ListOptions {
  cursor?: string | undefined;
  limit?: number | undefined;
  search?: string | undefined;
  tag?: string | undefined;
  sort?: 'updated' | 'name' | undefined;
}

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;
const UNTITLED = 'Untitled workflow';

function newId(): string {
  return `wf_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

/** Validates a document exactly as `weft validate` does, against the workspace's node types. */
function validated(store: Store, workspaceId: string, document: unknown): WorkflowDocument {
  const result = validateWorkflow(document, registryOf(store, workspaceId));
  if (!result.ok)
    throw new InvalidInputError(
      result.problems.map((p) => ({ path: p.path, message: p.message, code: p.code })),
    );
  return result.document;
}

function fieldsOf(doc: WorkflowDocument): { name: string; description: string; text: string } {
  return {
    name: doc.name?.trim() ? doc.name : UNTITLED,
    description: doc.description ?? '',
    text: JSON.stringify(doc),
  };
}

function parseDocument(text: string): WorkflowDocument {
  return JSON.parse(text) as WorkflowDocument;
}

/** Saves a new workflow at version 1; call inside a transaction. */
function insertNew(store: Store, workspaceId: string, doc: WorkflowDocument, note?: string): string {
  // A workflow in a workspace that does not exist is "not found", like everything else of it.
  if (!getWorkspaceRow(store.db, workspaceId)) throw new NotFoundError('workspace', workspaceId);
  const id = newId();
  const { name, description, text } = fieldsOf(doc);
  const at = Date.now();
  repo.insertWorkflow(store.db, workspaceId, { id, name, description, version: 1, document: text, at });
  versions.insertVersion(store.db, workspaceId, id, { version: 1, document: text, at, note });
  tags.setWorkflowTags(store.db, workspaceId, id, doc.tags ?? []);
  return id;
}

/** Validates and saves a new workflow as version 1; name, description and tags come from the document. */
export function createWorkflow(
  store: Store,
  workspaceId: string,
  document: unknown,
  note?: string,
): StoredWorkflow {
  const doc = validated(store, workspaceId, document);
  const id = immediate(store.db, () => insertNew(store, workspaceId, doc, note));
  return getWorkflow(store, workspaceId, id);
}

export function getWorkflow(store: Store, workspaceId: string, id: string): StoredWorkflow {
  const row = repo.getWorkflow(store.db, workspaceId, id);
  if (!row) throw new NotFoundError('workflow', id);
  const { document, ...rest } = row;
  return {
    ...rest,
    tags: tags.getWorkflowTags(store.db, workspaceId, id),
    document: parseDocument(document),
  };
}

// The cursor names its sort, so a cursor of one sort is never misread under the other.
function readListKey(sort: 'updated' | 'name'): (value: unknown) => repo.WorkflowListKey | undefined {
  return (value) => {
    const k = value as Record<string, unknown> | null;
    if (k === null || typeof k !== 'object' || k.sort !== sort || typeof k.id !== 'string') return undefined;
    if (sort === 'updated' && typeof k.updatedAt === 'number') return { sort, updatedAt: k.updatedAt, id: k.id };
    if (sort === 'name' && typeof k.name === 'string') return { sort, name: k.name, id: k.id };
    return undefined;
  };
}

/** One page of a workspace's workflows (without documents) and the cursor of the next, if any. */
export function listWorkflows(
  store: Store,
  workspaceId: string,
  opts: ListOptions = {},
): { items: WorkflowSummary[]; nextCursor?: string } {
  const sort = opts.sort ?? 'updated';
  const limit = opts.limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new InvalidInputError([
      { path: 'limit', code: 'INVALID_VALUE', message: `a whole number from 1 to ${MAX_PAGE}` },
    ]);
  }
  const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor, readListKey(sort), 'not a cursor from this list and sort');
  const search = opts.search?.trim().toLowerCase();
  const rows = repo.listWorkflows(store.db, workspaceId, {
    sort,
    limit,
    after,
    search: search || undefined,
    tag: opts.tag,
  });
  const page = rows.slice(0, limit);
  const tagsOf = tags.getTagsOf(
    store.db,
    workspaceId,
    page.map((r) => r.id),
  );
  const items = page.map((r) => ({ ...r, tags: tagsOf.get(r.id) ?? [] }));
  const last = page[page.length - 1];
  if (rows.length <= limit || !last) return { items };
  const key: repo.WorkflowListKey =
    sort === 'name'
      ? { sort, name: last.name, id: last.id }
      : { sort, updatedAt: last.updatedAt, id: last.id };
  return { items, nextCursor: encodeCursor(key) };
}

/** Saves doc as the next version if the stored one is still expectedVersion; call inside a transaction. */
function saveVersion(
  store: Store,
  workspaceId: string,
  id: string,
  doc: WorkflowDocument,
  expectedVersion: number,
  note?: string,
): number {
  const current = repo.getWorkflowVersion(store.db, workspaceId, id);
  if (current === undefined) throw new NotFoundError('workflow', id);
  if (current !== expectedVersion) throw new ConflictError(current, expectedVersion);
  const { name, description, text } = fieldsOf(doc);
  const version = current + 1;
  const at = Date.now();
  repo.updateWorkflow(store.db, workspaceId, id, {
    name,
    description,
    version,
    document: text,
    at,
    expectedVersion,
  });
  versions.insertVersion(store.db, workspaceId, id, { version, document: text, at, note });
  tags.setWorkflowTags(store.db, workspaceId, id, doc.tags ?? []);
  return version;
}

function checkVersionArg(value: unknown, path: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new InvalidInputError([
      { path, code: 'INVALID_VALUE', message: 'a version number (a whole number from 1)' },
    ]);
  }
  return value as number;
}

/**
 * Saves a new version of a workflow, based on `expectedVersion`. If someone saved since, nothing is
 * written and a ConflictError says the current version. Returns after the commit returned.
 */
export function updateWorkflow(
  store: Store,
  workspaceId: string,
  id: string,
  document: unknown,
  expectedVersion: number,
  note?: string,
): StoredWorkflow {
  checkVersionArg(expectedVersion, 'expectedVersion');
  const doc = validated(store, workspaceId, document);
  immediate(store.db, () => saveVersion(store, workspaceId, id, doc, expectedVersion, note));
  return getWorkflow(store, workspaceId, id);
}

/** A workflow's versions, newest first, without documents. */
export function listVersions(store: Store, workspaceId: string, id: string): versions.VersionSummary[] {
  const list = versions.listVersions(store.db, workspaceId, id);
  if (list.length === 0) throw new NotFoundError('workflow', id);
  return list;
}

/**
 * One page of a workflow's versions, newest first. The cursor is the last listed version number (opaque
 * to callers); a page past the end is empty, while a workflow the workspace does not have is NOT_FOUND.
 */
export function listVersionsPage(
  store: Store,
  workspaceId: string,
  id: string,
  opts: { cursor?: string | undefined; limit?: number | undefined } = {},
): { items: versions.VersionSummary[]; nextCursor: string | null } {
  const limit = opts.limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new InvalidInputError([
      { path: 'limit', code: 'INVALID_VALUE', message: `a whole number from 1 to ${MAX_PAGE}` },
    ]);
  }
  let before: number | undefined;
  if (opts.cursor !== undefined) {
    before = decodeCursor(opts.cursor, (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined));
  }
  if (repo.getWorkflowVersion(store.db, workspaceId, id) === undefined)
    throw new NotFoundError('workflow', id);
  const rows = versions.listVersionsPage(store.db, workspaceId, id, before, limit);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor(last.version) : null;
  return { items, nextCursor };
}

export function getVersion(
  store: Store,
  workspaceId: string,
  id: string,
  version: number,
): versions.VersionSummary & { document: WorkflowDocument } {
  const row = versions.getVersion(store.db, workspaceId, id, checkVersionArg(version, 'version'));
  if (!row) throw new NotFoundError('workflow version', `${id}@${version}`);
  return { ...row, document: parseDocument(row.document) };
}

/** Saves an old version's document as a new version (history is never rewritten). */
export function restoreVersion(
  store: Store,
  workspaceId: string,
  id: string,
  version: number,
  expectedVersion: number,
): StoredWorkflow {
  checkVersionArg(expectedVersion, 'expectedVersion');
  immediate(store.db, () => {
    const old = getVersion(store, workspaceId, id, version);
    saveVersion(store, workspaceId, id, old.document, expectedVersion, `restored from version ${version}`);
  });
  return getWorkflow(store, workspaceId, id);
}

/** What changed from version a to version b, by node and edge. */
export function diffVersions(
  store: Store,
  workspaceId: string,
  id: string,
  a: number,
  b: number,
): WorkflowDiff {
  return diffDocuments(
    getVersion(store, workspaceId, id, a).document,
    getVersion(store, workspaceId, id, b).document,
  );
}

/** Copies a workflow's current document into a new workflow named `name`, else "<name> (copy)". */
export function duplicateWorkflow(
  store: Store,
  workspaceId: string,
  id: string,
  name?: string,
): StoredWorkflow {
  const newIdValue = immediate(store.db, () => {
    const source = getWorkflow(store, workspaceId, id);
    // Validation allows names up to 200 characters; keep the copy's within that.
    if (name !== undefined && (name.trim() === '' || name.length > 200)) {
      throw new InvalidInputError([
        { path: 'name', code: 'INVALID_VALUE', message: 'a workflow name is 1–200 characters' },
      ]);
    }
    name ??= `${source.name.slice(0, 193)} (copy)`;
    return insertNew(store, workspaceId, { ...source.document, name }, `copied from ${id}`);
  });
  return getWorkflow(store, workspaceId, newIdValue);
}

/** Deletes a workflow with its versions, tags and runs. */
export function deleteWorkflow(store: Store, workspaceId: string, id: string): void {
  immediate(store.db, () => {
    if (!repo.deleteWorkflow(store.db, workspaceId, id)) throw new NotFoundError('workflow', id);
  });
}

/** The file form of a workflow (current version unless one is named): sorted keys, `requires`, no secrets. */
export function exportWorkflow(store: Store, workspaceId: string, id: string, version?: number): string {
  return exportWorkflowReport(store, workspaceId, id, version).text;
}

/** exportWorkflow with the exported document's name and the paths of the secrets it blanked. */
export function exportWorkflowReport(
  store: Store,
  workspaceId: string,
  id: string,
  version?: number,
): { name: string; text: string; strippedPaths: readonly string[] } {
  const doc =
    version === undefined
      ? getWorkflow(store, workspaceId, id).document
      : getVersion(store, workspaceId, id, version).document;
  const { text, strippedPaths } = exportWorkflowWithReport(doc, {
    pluginOf: (type) => pluginsOf(store, workspaceId)?.pluginOf(type),
  });
  return { name: fieldsOf(doc).name, text, strippedPaths };
}

/** Imports a workflow file as a new workflow (a new id); refused files write nothing. */
export function importWorkflow(store: Store, workspaceId: string, text: string): { id: string } {
  const plugins = pluginsOf(store, workspaceId);
  const doc = parseImport(text, registryOf(store, workspaceId), (plugin) => plugins?.installed(plugin));
  return { id: immediate(store.db, () => insertNew(store, workspaceId, doc, 'imported')) };
}
