/**
 * Structural damage to a valid workflow document, for the import fuzz test. Each mutation breaks a
 * rule of SPEC §1 for certain: a wrong type is always of another JSON kind than the field's, an
 * unknown key never collides with a known one, a dangling edge points at an id no node has.
 */
import type { Rng } from './fuzz.js';

export type Raw = Record<string, unknown>;
type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array';

/** A field whose JSON kind is fixed by the schema: where a wrong-typed value can go. */
interface Slot {
  readonly holder: Raw | unknown[];
  readonly key: string | number;
  readonly kind: Kind;
}

const SAMPLES: ReadonlyArray<[Kind, unknown]> = [
  ['number', 42],
  ['number', -1.5],
  ['string', 'x'],
  ['string', ''],
  ['boolean', true],
  ['object', { a: 1 }],
  ['array', [1, 'two']],
];

function slotsOf(doc: Raw): Slot[] {
  const slots: Slot[] = [];
  const fields = (holder: unknown, kinds: Record<string, Kind>): void => {
    if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) return;
    for (const [key, kind] of Object.entries(kinds)) slots.push({ holder: holder as Raw, key, kind });
  };
  fields(doc, {
    format: 'string',
    formatVersion: 'number',
    name: 'string',
    description: 'string',
    tags: 'array',
    settings: 'object',
    nodes: 'array',
    edges: 'array',
    requires: 'array',
  });
  fields(doc.settings, { maxConcurrency: 'number', nodeTimeoutMs: 'number', executionTimeoutMs: 'number' });
  (doc.tags as unknown[] | undefined)?.forEach((_, i) =>
    slots.push({ holder: doc.tags as unknown[], key: i, kind: 'string' }),
  );
  (doc.requires as Raw[] | undefined)?.forEach((req, i) => {
    slots.push({ holder: doc.requires as Raw[], key: i, kind: 'object' });
    fields(req, { plugin: 'string', version: 'string' });
  });
  (doc.nodes as Raw[]).forEach((node, i) => {
    slots.push({ holder: doc.nodes as Raw[], key: i, kind: 'object' });
    fields(node, {
      id: 'string',
      type: 'string',
      label: 'string',
      position: 'object',
      params: 'object',
      policy: 'object',
    });
    fields(node.position, { x: 'number', y: 'number' });
    if (node.type === 'core.set') fields(node.params, { values: 'object' });
    if (node.type === 'core.output') fields(node.params, { name: 'string' });
    const policy = node.policy as Raw | undefined;
    fields(policy, { retry: 'object', onError: 'string', timeoutMs: 'number' });
    fields(policy?.retry, { maxAttempts: 'number', initialDelayMs: 'number' });
  });
  (doc.edges as Raw[]).forEach((edge, i) => {
    slots.push({ holder: doc.edges as Raw[], key: i, kind: 'object' });
    fields(edge, {
      id: 'string',
      source: 'string',
      sourcePort: 'string',
      target: 'string',
      targetPort: 'string',
    });
  });
  return slots;
}

function set(holder: Raw | unknown[], key: string | number, value: unknown): void {
  (holder as Record<string | number, unknown>)[key] = value;
}

/** Every object in the document with its nesting depth (the root is 1). */
function objectsOf(value: unknown, depth: number, out: Array<[Raw, number]>): Array<[Raw, number]> {
  if (value === null || typeof value !== 'object') return out;
  if (!Array.isArray(value)) out.push([value as Raw, depth]);
  for (const v of Object.values(value)) objectsOf(v, depth + 1, out);
  return out;
}

/** Puts a forbidden key into `holder` as an own, enumerable property, as JSON.parse would. */
function defineForbidden(holder: Raw, key: string, value: unknown): void {
  Object.defineProperty(holder, key, { value, enumerable: true, writable: true, configurable: true });
}

function forbidden(rng: Rng, doc: Raw): string {
  const key = rng.pick(['__proto__', 'constructor', 'prototype']);
  const payload = rng.pick<unknown>([
    { polluted: 'yes' },
    { prototype: { polluted: 'yes' } },
    'polluted',
    [{ polluted: 1 }],
  ]);
  let [holder] = rng.pick(objectsOf(doc, 1, []));
  // Sometimes bury it further down a fresh chain inside params, at a random depth under the limit.
  if (rng.chance(0.3)) {
    const node = rng.pick(doc.nodes as Raw[]);
    let chain: Raw = {};
    node.params = { ...(node.params as Raw | undefined), chain };
    for (let d = rng.int(0, 50); d > 0; d--) chain = (chain.next = {}) as Raw;
    holder = chain;
  }
  defineForbidden(holder, key, payload);
  return `forbidden:${key}`;
}

const UNKNOWN_KEY_HOLDERS = [
  'root',
  'node',
  'edge',
  'settings',
  'position',
  'policy',
  'retry',
  'requires',
  'params',
] as const;

function unknownKey(rng: Rng, doc: Raw): string {
  const nodes = doc.nodes as Raw[];
  const node = rng.pick(doc.nodes as Raw[]);
  const where = rng.pick(UNKNOWN_KEY_HOLDERS);
  const holders: Record<(typeof UNKNOWN_KEY_HOLDERS)[number], () => Raw> = {
    root: () => doc,
    node: () => node,
    edge: () => rng.pick(doc.edges as Raw[]),
    settings: () => (doc.settings ??= {}) as Raw,
    position: () => (node.position ??= { x: 0, y: 0 }) as Raw,
    policy: () => (node.policy ??= {}) as Raw,
    retry: () => (((node.policy ??= {}) as Raw).retry ??= {}) as Raw,
    requires: () => ((doc.requires ??= [{ plugin: 'weft-plugin-text' }]) as Raw[])[0]!,
    // The bundled nodes' params schemas forbid extra properties; text.upper has none, so use output's.
    params: () => (nodes.find((n) => n.type === 'core.output')?.params ?? doc) as Raw,
  };
  holders[where]()[`x_${rng.word()}`] = rng.pick<unknown>([1, 'v', null, {}]);
  return `unknown-key:${where}`;
}

function pickIndex(rng: Rng, items: unknown): number {
  return rng.int(0, (items as unknown[]).length - 1);
}

/**
 * Applies one structural mutation, chosen at random, and names it. A wrong type can turn `nodes` into a
 * number, which later mutations could not walk, so it is only allowed as the last of a series.
 */
export function mutate(rng: Rng, doc: Raw, last: boolean): string {
  const nodes = doc.nodes as Raw[];
  const edges = doc.edges as Raw[];
  switch (rng.int(last ? 0 : 1, 9)) {
    case 0: {
      const slot = rng.pick(slotsOf(doc));
      const [kind, value] = rng.pick(
        SAMPLES.filter(([k]) => k !== slot.kind).concat([['null' as Kind, null]]),
      );
      set(slot.holder, slot.key, value);
      return `wrong-type:${kind}-for-${slot.kind}`;
    }
    case 1:
      return forbidden(rng, doc);
    case 2:
      return unknownKey(rng, doc);
    case 3: {
      const edge = edges[pickIndex(rng, edges)]!;
      const field = rng.pick(['source', 'target', 'sourcePort', 'targetPort']);
      edge[field] = `ghost_${rng.word()}`;
      return `dangling-edge:${field}`;
    }
    case 4: {
      const [list, name] = rng.chance(0.5) ? [nodes, 'node'] : [edges, 'edge'];
      const i = pickIndex(rng, list);
      const j = pickIndex(rng, list);
      if (i !== j) list[j]!.id = list[i]!.id;
      else list.push({ ...list[i]! });
      return `duplicate-id:${name}`;
    }
    case 5: {
      // Back from a later node's output to an earlier (or the same) middle node: a cycle.
      const to = rng.int(1, nodes.length - 2);
      const from = rng.int(to, nodes.length - 2);
      edges.push({
        id: 'back',
        source: nodes[from]!.id,
        sourcePort: 'out',
        target: nodes[to]!.id,
        targetPort: 'in',
      });
      return 'cycle';
    }
    case 6: {
      const value = rng.pick<unknown>([0, -1, 2, 99, 1.5, '1', null, true, [], {}, 1e308]);
      if (rng.chance(0.15)) delete doc.formatVersion;
      else doc.formatVersion = value;
      return 'bad-format-version';
    }
    case 7: {
      const missing = Array.from({ length: rng.int(1, 3) }, (_, i) => ({
        plugin: `weft-plugin-${rng.word()}-${i}`,
        version: '^1.0.0',
      }));
      // An installed plugin in an incompatible major counts as missing too.
      if (rng.chance(0.3)) missing.push({ plugin: 'weft-plugin-text', version: '^2.0.0' });
      doc.requires = [...((doc.requires as Raw[] | undefined) ?? []), ...missing];
      return 'missing-plugin';
    }
    case 8: {
      nodes[pickIndex(rng, nodes)]!.type = rng.pick([
        'nope.thing',
        'core.nope',
        `${rng.word()}.${rng.word()}`,
      ]);
      return 'unknown-node-type';
    }
    default: {
      const node = nodes[pickIndex(rng, nodes)]!;
      const over = rng.pick(['name', 'description', 'tags', 'id', 'label', 'type', 'port'] as const);
      if (over === 'name') doc.name = 'n'.repeat(201);
      else if (over === 'description') doc.description = 'd'.repeat(10_001);
      else if (over === 'tags') doc.tags = Array.from({ length: 101 }, (_, i) => `t${i}`);
      else if (over === 'id') node.id = 'i'.repeat(65);
      else if (over === 'label') node.label = 'l'.repeat(201);
      else if (over === 'type') node.type = `core.${'t'.repeat(200)}`;
      else edges[pickIndex(rng, edges)]!.targetPort = 'p'.repeat(65);
      return `past-limit:${over}`;
    }
  }
}
