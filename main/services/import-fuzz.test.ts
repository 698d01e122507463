/**
 * Issue 3 §9: 10,000 generated malformed files, every one refused with a path, none crashing the
 * importer, none accepted, and Object.prototype untouched at the end.
 */
import { describe, expect, it } from 'vitest';
import { WeftError } from '../errors.js';
import { Rng, fuzzInstalled, fuzzRegistry, malformedFiles, validDocument } from './testing/fuzz.js';
import { canonicalJson, parseImport } from './workflow-file.js';

const FILES = 10_000;
const SEED = 0x5eed_0003;

function prototypeKeys(): string[] {
  return Reflect.ownKeys(Object.prototype).map(String).sort();
}

describe('import fuzz', () => {
  it('the generator starts from documents that import cleanly', () => {
    // Otherwise "refused" below could be the base document's fault rather than the mutation's.
    const rng = new Rng(SEED);
    for (let i = 0; i < 200; i++) {
      expect(() => parseImport(canonicalJson(validDocument(rng)), fuzzRegistry, fuzzInstalled)).not.toThrow();
    }
  });

  it(`refuses ${FILES} malformed files, each with a path, without crashing or polluting`, () => {
    const before = prototypeKeys();
    const started = performance.now();
    let refused = 0;
    const crashes: string[] = [];
    const accepted: string[] = [];
    const pathless: string[] = [];
    const kinds = new Map<string, number>();

    for (const { kind, text } of malformedFiles(FILES, SEED)) {
      const family = kind.split(/[:+]/)[0]!;
      kinds.set(family, (kinds.get(family) ?? 0) + 1);
      try {
        parseImport(text, fuzzRegistry, fuzzInstalled);
        accepted.push(`${kind}: ${text.slice(0, 300)}`);
      } catch (e) {
        if (!(e instanceof WeftError)) {
          crashes.push(`${kind}: ${String(e)}`);
          continue;
        }
        refused++;
        const problems = (e.details?.problems as ReadonlyArray<{ path?: string }> | undefined) ?? [];
        const hasPath =
          e.code === 'INVALID_INPUT' ? problems.length > 0 && problems.every((p) => !!p.path) : !!e.path;
        if (!hasPath) pathless.push(`${kind}: ${e.code} ${e.message}`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    // The figures the closing note quotes.
    console.log(
      `import fuzz: ${FILES} files, ${refused} refused, ${crashes.length} crashes, ${accepted.length} accepted, ` +
        `${seconds.toFixed(1)} s; by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`,
    );

    expect(crashes.slice(0, 5)).toEqual([]);
    expect(accepted.slice(0, 5)).toEqual([]);
    expect(pathless.slice(0, 5)).toEqual([]);
    expect(refused).toBe(FILES);
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  }, 60_000);
});
