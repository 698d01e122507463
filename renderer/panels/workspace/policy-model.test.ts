import { describe, expect, it } from 'vitest';
import {
  deniedEntries,
  deniedReason,
  draftFromPolicy,
  policyFromDraft,
  policyRows,
  retentionProblem,
  sameDraft,
  toggleIn,
  type KnownType,
} from './policy-model.js';

const known: KnownType[] = [
  { type: 'core.http', plugin: 'core' },
  { type: 'core.code', plugin: 'core' },
  { type: 'core.set', plugin: 'core' },
  { type: 'text.upper', plugin: 'weft-plugin-text' },
];

describe('deniedReason', () => {
  it('follows the host: a denied type, or one outside a present allow list', () => {
    expect(deniedReason({}, 'core.http')).toBeNull();
    expect(deniedReason({ deniedNodeTypes: ['core.http'] }, 'core.http')).toMatch(/Denied/);
    expect(deniedReason({ allowedNodeTypes: ['core.set'] }, 'core.http')).toMatch(/allowed/);
    expect(deniedReason({ allowedNodeTypes: ['core.set'] }, 'core.set')).toBeNull();
    expect(deniedReason({ allowedNodeTypes: [] }, 'core.set')).not.toBeNull();
  });
});

describe('deniedEntries', () => {
  it('lists the known types the workspace may not use, filtered like the palette', () => {
    const policy = { deniedNodeTypes: ['core.code', 'core.http'] };
    const usable = new Set(['core.set', 'text.upper']);
    expect(deniedEntries(known, policy, usable, '').map((e) => e.type)).toEqual(['core.code', 'core.http']);
    expect(deniedEntries(known, policy, usable, 'HTTP').map((e) => e.type)).toEqual(['core.http']);
    // A type the host still lists is not shown twice.
    expect(deniedEntries(known, policy, new Set(['core.http']), '').map((e) => e.type)).toEqual(['core.code']);
    expect(deniedEntries(known, {}, new Set(), '')).toEqual([]);
  });
});

describe('policy drafts', () => {
  it('round-trips a policy, sending the allow list only while restricting', () => {
    const draft = draftFromPolicy({ deniedNodeTypes: ['core.http'] });
    expect(draft).toEqual({ restrict: false, allowed: [], denied: ['core.http'] });
    expect(policyFromDraft(draft)).toEqual({ deniedNodeTypes: ['core.http'] });
    expect(policyFromDraft({ restrict: true, allowed: [], denied: [] })).toEqual({ allowedNodeTypes: [] });
    expect(policyFromDraft({ restrict: false, allowed: ['core.set'], denied: [] })).toEqual({});
  });

  it('toggles types and compares drafts regardless of order', () => {
    const draft = draftFromPolicy({});
    const denied = toggleIn(draft, 'denied', 'core.http', true);
    expect(denied.denied).toEqual(['core.http']);
    expect(sameDraft(draft, denied)).toBe(false);
    expect(sameDraft(draft, toggleIn(denied, 'denied', 'core.http', false))).toBe(true);
    // An allow list that is not in force does not count as a change.
    expect(sameDraft(draft, toggleIn(draft, 'allowed', 'core.set', true))).toBe(true);
    expect(
      sameDraft({ restrict: true, allowed: ['a', 'b'], denied: [] }, { restrict: true, allowed: ['b', 'a'], denied: [] }),
    ).toBe(true);
  });

  it('makes a row per known type and per type the policy names, with whether it is usable', () => {
    const draft = { restrict: true, allowed: ['core.set', 'gone.node'], denied: ['core.set'] };
    const rows = policyRows(known, draft);
    expect(rows.map((r) => [r.type, r.plugin, r.usable])).toEqual([
      ['core.code', 'core', false],
      ['core.http', 'core', false],
      ['core.set', 'core', false],
      ['text.upper', 'weft-plugin-text', false],
      ['gone.node', null, true],
    ]);
    expect(policyRows(known, draft, 'upper').map((r) => r.type)).toEqual(['text.upper']);
  });
});

describe('retentionProblem', () => {
  it('accepts whole numbers in the contract’s range', () => {
    expect(retentionProblem('100')).toBeNull();
    expect(retentionProblem('0')).toMatch(/From 1/);
    expect(retentionProblem('1.5')).toMatch(/whole/);
    expect(retentionProblem('')).toMatch(/whole/);
    expect(retentionProblem('100001')).toMatch(/100,000/);
  });
});
