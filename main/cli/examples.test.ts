import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFakeIo } from './testing/fake-io.js';
import { main } from './weft.js';

const dir = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(dir).filter((f) => f.endsWith('.weft.json'));

describe('examples/*.weft.json', () => {
  it('has the three examples', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['hello.weft.json', 'retry.weft.json', 'branching.weft.json']),
    );
  });

  for (const name of examples) {
    it(`${name} is written as an export would (sorted keys, two spaces), validates and runs`, async () => {
      const file = join(dir, name);
      const text = readFileSync(file, 'utf8');
      const sorted = (v: unknown): unknown =>
        Array.isArray(v)
          ? v.map(sorted)
          : v !== null && typeof v === 'object'
            ? Object.fromEntries(
                Object.keys(v)
                  .sort()
                  .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
              )
            : v;
      expect(text).toBe(`${JSON.stringify(sorted(JSON.parse(text)), null, 2)}\n`);

      const io = createFakeIo({ files: { [file]: text } });
      expect(await main(['validate', file], io)).toBe(0);
      const io2 = createFakeIo({ files: { [file]: text } });
      expect(await main(['run', file, '--json'], io2)).toBe(0);
      expect(JSON.parse(io2.stdout.text)).toMatchObject({ status: 'succeeded' });
    }, 15_000);
  }
});
