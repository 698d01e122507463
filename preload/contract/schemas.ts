// Building blocks of the contract's input schemas. Limits here are the transport's first line of defence;
// the services still validate documents with full JSON paths.
import { z } from 'zod';

/** Ids of workspaces, workflows, runs and nodes: 1–64 characters of `[A-Za-z0-9_.-]` (SPEC §1). */
export const ID_RE = /^[A-Za-z0-9_.-]{1,64}$/;

/** Largest page a list method returns. */
export const MAX_PAGE = 200;

/** Page size when a list call gives none. */
export const DEFAULT_PAGE = 50;

/** Largest workflow file `workflows.import` accepts, in characters (the service checks bytes too). */
export const MAX_IMPORT_CHARS = 10 * 1024 * 1024;

// Control characters make names unreadable in lists and menus and are never meant.
const NO_CONTROL = /^\P{Cc}*$/u;

/** A record id. */
export const id = z.string().regex(ID_RE, 'must be 1–64 characters of A-Z, a-z, 0-9, _, . or -');

/** A workspace's display name: 1–100 characters after trimming, no control characters. */
export const workspaceName = z.string().trim().min(1).max(100).regex(NO_CONTROL, 'must not contain control characters');

/** A workflow's display name: 1–200 characters (as the document's `name`), no control characters. */
export const workflowName = z.string().trim().min(1).max(200).regex(NO_CONTROL, 'must not contain control characters');

/** A node type name such as `core.http`. */
export const nodeTypeName = z.string().min(1).max(200);

/** A stored workflow version number. */
export const version = z.number().int().min(1).max(2_147_483_647);

/** An opaque cursor from a previous page's `nextCursor`. */
export const cursor = z.string().min(1).max(512);

/** How many items one page holds. */
export const limit = z.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE);

/** A short note kept with a saved version. */
export const note = z.string().max(500);

/** Any value but `undefined`. */
export type DefinedValue = NonNullable<unknown> | null;

/**
 * Any value but `undefined`: a document, checked by the service with full paths. Typed as DefinedValue so
 * the key stays required in the inferred input type.
 */
export const requiredValue = z.custom<DefinedValue>((value) => value !== undefined, { message: 'required' });

/** The fields every call inside a workspace carries. */
export const inWorkspace = { workspaceId: id };
