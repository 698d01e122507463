/** Hard limits of SPEC §1: a document past any of them is refused before it is looked at further. */
export const LIMITS = {
  maxNodes: 10_000,
  maxEdges: 50_000,
  maxBytes: 10 * 1024 * 1024,
  maxDepth: 64,
} as const;

/** Keys refused wherever they occur, because they reach an object's prototype in careless code. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Ids of nodes and edges: 1–64 characters of `[A-Za-z0-9_.-]`. */
export const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
