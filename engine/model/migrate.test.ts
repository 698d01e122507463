import { describe, expect, it } from 'vitest';
import { CURRENT_FORMAT_VERSION } from './document.js';
import { migrateDocument, MIGRATIONS, type Migration } from './migrate.js';

describe('migrateDocument', () => {
  const base = { format: 'weft.workflow', nodes: [], edges: [] };

  it('leaves a current document untouched (the same object)', () => {
    const doc = { ...base, formatVersion: CURRENT_FORMAT_VERSION };
    const r = migrateDocument(doc);
    expect(r).toEqual({ ok: true, document: doc });
    if (r.ok) {
      expect(r.document).toBe(doc);
      expect(r.migratedFrom).toBeUndefined();
    }
  });

  it('moves a v1 document to v2 with a custom migration', () => {
    const migrations: Record<number, Migration> = { 1: (d) => ({ ...d, formatVersion: 2, renamed: d.name }) };
    const r = migrateDocument({ ...base, formatVersion: 1, name: 'x' }, migrations, 2);
    expect(r).toEqual({
      ok: true,
      document: { ...base, formatVersion: 2, name: 'x', renamed: 'x' },
      migratedFrom: 1,
    });
  });

  it('applies every step in order, each seeing the output of the one before', () => {
    const steps: number[] = [];
    const step =
      (from: number): Migration =>
      (d) => {
        steps.push(from);
        expect(d.formatVersion).toBe(from);
        return { ...d, formatVersion: from + 1, trail: [...((d.trail as number[] | undefined) ?? []), from] };
      };
    const r = migrateDocument({ ...base, formatVersion: 1 }, { 3: step(3), 1: step(1), 2: step(2) }, 4);
    expect(steps).toEqual([1, 2, 3]);
    expect(r.ok && r.document).toMatchObject({ formatVersion: 4, trail: [1, 2, 3] });
    expect(r.ok && r.migratedFrom).toBe(1);
  });

  it('starts from the document version, skipping older steps', () => {
    const calls: number[] = [];
    const r = migrateDocument(
      { ...base, formatVersion: 2 },
      {
        1: (d) => (calls.push(1), { ...d, formatVersion: 2 }),
        2: (d) => (calls.push(2), { ...d, formatVersion: 3 }),
      },
      3,
    );
    expect(calls).toEqual([2]);
    expect(r.ok && r.migratedFrom).toBe(2);
  });

  it('reports a missing step, naming the version it would upgrade from', () => {
    const r = migrateDocument({ ...base, formatVersion: 1 }, { 1: (d) => ({ ...d, formatVersion: 2 }) }, 3);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([
        expect.objectContaining({ path: 'formatVersion', code: 'FORMAT_VERSION' }),
      ]);
      expect(r.problems[0]!.message).toContain('2');
    }
  });

  it('refuses a newer version with a message that says so, running no migration', () => {
    let ran = false;
    const r = migrateDocument({ ...base, formatVersion: 5 }, { 1: (d) => ((ran = true), d) }, 3);
    expect(ran).toBe(false);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]).toMatchObject({ path: 'formatVersion', code: 'FORMAT_VERSION' });
      expect(r.problems[0]!.message).toMatch(/newer/);
    }
  });

  it.each([undefined, 0, -2, 1.5, '1', null])('refuses formatVersion %j', (formatVersion) => {
    const r = migrateDocument({ ...base, formatVersion });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toBe('formatVersion');
  });

  it('has a migration for every version older than the current one', () => {
    for (let v = 1; v < CURRENT_FORMAT_VERSION; v++)
      expect(MIGRATIONS[v], `migration from ${v}`).toBeTypeOf('function');
  });
});
