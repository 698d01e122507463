/**
 * Deterministic generators for the import fuzz test (issue 3 §9): valid workflow documents, and
 * malformed files made from them. Every malformed file is built so that it MUST be refused (a mutation
 * that might leave the document valid, like changing a digit or a letter inside a string, is not made),
 * so "0 accepted" in the test is a real claim about parseImport rather than about luck.
 */
import { createRegistry, type NodeType } from '../../../engine/index.js';
import { coreNodeTypes } from '../../../plugins/core/index.js';
import { canonicalJson } from '../workflow-file.js';
import { mutate, type Raw } from './mutations.js';

/** mulberry32: tiny, fast and good enough to pick mutations; the same seed gives the same files. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  word(min = 3, max = 8): string {
    let w = '';
    for (let i = this.int(min, max); i > 0; i--) w += String.fromCharCode(97 + this.int(0, 25));
    return w;
  }
}

/** A plugin node type the fuzz registry knows, so documents can carry a satisfiable `requires`. */
export const textUpperNode: NodeType = {
  type: 'text.upper',
  title: 'Upper case',
  inputs: [{ name: 'in', type: 'any' }],
  outputs: [{ name: 'out', type: 'any' }],
  run: ({ inputs }) => ({ out: String(inputs.in).toUpperCase() }),
};

export const fuzzRegistry = createRegistry([
  ...(coreNodeTypes as readonly NodeType<never>[]),
  textUpperNode as NodeType<never>,
]);

/** The plugins "installed" for the fuzz run: only the one that provides `text.upper`. */
export function fuzzInstalled(plugin: string): { version: string } | undefined {
  return plugin === 'weft-plugin-text' ? { version: '1.4.0' } : undefined;
}

/** A valid document: manual → (set | text.upper)* → output, with optional fields at random. */
export function validDocument(rng: Rng): Raw {
  const middle = rng.int(1, 6);
  const nodes: Raw[] = [
    { id: 'start', type: 'core.manual', position: { x: 0, y: 0 }, params: { payload: { name: rng.word() } } },
  ];
  let usesPlugin = false;
  for (let i = 0; i < middle; i++) {
    const plugin = rng.chance(0.3);
    usesPlugin ||= plugin;
    const node: Raw = {
      id: `n${i}`,
      type: plugin ? 'text.upper' : 'core.set',
      position: { x: 240 * (i + 1), y: rng.int(-50, 50) },
    };
    node.params = plugin
      ? {}
      : {
          values: {
            text: `Hello, {{ input.in.${rng.word()} }}!`,
            count: rng.int(0, 9),
            nested: { deep: [rng.word()] },
          },
        };
    if (rng.chance(0.5)) node.label = rng.word(1, 20);
    if (rng.chance(0.4))
      node.policy = {
        retry: { maxAttempts: rng.int(1, 5), initialDelayMs: 100 },
        onError: 'fail',
        timeoutMs: 5000,
      };
    nodes.push(node);
  }
  nodes.push({
    id: 'result',
    type: 'core.output',
    position: { x: 240 * (middle + 1), y: 0 },
    params: { name: 'greeting' },
  });
  const doc: Raw = {
    format: 'weft.workflow',
    formatVersion: 1,
    nodes,
    edges: nodes
      .slice(1)
      .map((n, i) => ({
        id: `e${i}`,
        source: nodes[i]!.id,
        sourcePort: 'out',
        target: n.id,
        targetPort: 'in',
      })),
  };
  if (rng.chance(0.7)) doc.name = rng.word(1, 30);
  if (rng.chance(0.3)) doc.description = rng.word(0, 80);
  if (rng.chance(0.4)) doc.tags = [rng.word(), rng.word()];
  if (rng.chance(0.5))
    doc.settings = { maxConcurrency: rng.int(1, 16), nodeTimeoutMs: 60_000, executionTimeoutMs: 0 };
  if (usesPlugin) doc.requires = [{ plugin: 'weft-plugin-text', version: '^1.2.0' }];
  return doc;
}

export interface FuzzCase {
  readonly kind: string;
  readonly text: string;
}

/** Positions of JSON punctuation outside strings: changing one of these to a non-JSON character always breaks the text. */
function structuralPositions(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      out.push(i);
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out.push(i);
    } else if (c === '{' || c === '}' || c === '[' || c === ']' || c === ':' || c === ',') out.push(i);
  }
  return out;
}

// None of these can stand anywhere in JSON outside a string, nor complete a token (no letters, digits, +-.).
const JUNK = ['#', "'", ';', '@', '\u0000', '\u00ff', '\\', '/', '<', '=', '`', '\ufffd', '\ud800', '~'];

function flipBytes(rng: Rng, text: string): string {
  const positions = structuralPositions(text);
  const chars = text.split('');
  for (let n = rng.int(1, 3); n > 0; n--) chars[rng.pick(positions)] = rng.pick(JUNK);
  return chars.join('');
}

function nested(rng: Rng, depth: number): string {
  const asObject = rng.chance(0.5);
  const open = asObject ? '{"a":' : '[';
  const close = asObject ? '}' : ']';
  // Some are left unclosed: the depth check must refuse them before the parser sees the bad syntax.
  return `${open.repeat(depth)}1${rng.chance(0.9) ? close.repeat(depth) : ''}`;
}

/** Files past the size and count limits: few and made once each, to keep memory and time sane. */
function huge(rng: Rng, index: number): FuzzCase {
  const base = validDocument(rng);
  switch (index % 5) {
    case 0:
      return {
        kind: 'huge:bytes',
        text: canonicalJson({ ...base, description: 'x'.repeat(10 * 1024 * 1024 + rng.int(1, 1000)) }),
      };
    case 1:
      // Under 10 Mi UTF-16 units but over 10 MiB as UTF-8: the limit is in bytes.
      return {
        kind: 'huge:multibyte',
        text: canonicalJson({ ...base, description: 'é'.repeat(5.5 * 1024 * 1024) }),
      };
    case 2: {
      const nodes = Array.from({ length: 10_001 }, (_, i) => ({ id: `n${i}`, type: 'core.set' }));
      return { kind: 'huge:nodes', text: JSON.stringify({ ...base, nodes, edges: [] }) };
    }
    case 3: {
      const edges = Array.from({ length: 50_001 }, (_, i) => ({
        id: `e${i}`,
        source: 'start',
        sourcePort: 'out',
        target: 'result',
        targetPort: 'in',
      }));
      return { kind: 'huge:edges', text: JSON.stringify({ ...base, edges }) };
    }
    default:
      return {
        kind: 'huge:deep',
        text: `{"format":"weft.workflow","formatVersion":1,"nodes":${nested(rng, 100_000)},"edges":[]}`,
      };
  }
}

const DEEP_MARK = '"@@deep@@"';

/**
 * `count` malformed files from `seed`. Text-level damage (truncation, byte flips, deep nesting, garbage)
 * is applied to the canonical text of a valid document; structural damage (see mutations.ts) to the
 * document before it is written.
 */
export function* malformedFiles(count: number, seed: number): Generator<FuzzCase> {
  const rng = new Rng(seed);
  let hugeMade = 0;
  for (let i = 0; i < count; i++) {
    const doc = validDocument(rng);
    const roll = rng.next();
    if (i % 1000 === 999) {
      yield huge(rng, hugeMade++);
    } else if (roll < 0.1) {
      const text = canonicalJson(doc);
      // Any strict prefix of an object's text lacks its closing brace, so it cannot parse.
      yield { kind: 'truncated', text: text.slice(0, rng.int(0, text.length - 2)) };
    } else if (roll < 0.2) {
      yield { kind: 'byte-flip', text: flipBytes(rng, canonicalJson(doc)) };
    } else if (roll < 0.27) {
      (doc.nodes as Raw[])[0]!.params = { payload: '@@deep@@' };
      yield { kind: 'deep', text: canonicalJson(doc).replace(DEEP_MARK, nested(rng, rng.int(65, 3000))) };
    } else if (roll < 0.3) {
      const junk = Array.from({ length: rng.int(0, 40) }, () => String.fromCharCode(rng.int(0, 0xffff))).join(
        '',
      );
      yield {
        kind: 'garbage',
        text: rng.chance(0.5)
          ? junk
          : rng.pick(['', ' ', 'null', '[]', '42', '"x"', 'true', '{}', '{"a":1}']),
      };
    } else {
      const kinds: string[] = [];
      for (let n = rng.chance(0.8) ? 1 : rng.int(2, 3); n > 0; n--) kinds.push(mutate(rng, doc, n === 1));
      let text = canonicalJson(doc);
      // An escaped key is the same key once parsed: the check must not be a plain text search.
      if (kinds.includes('forbidden:__proto__') && rng.chance(0.3))
        text = text.replace('"__proto__"', '"\\u005f_proto__"');
      yield { kind: kinds.join('+'), text };
    }
  }
}
