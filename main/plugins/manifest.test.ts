import { describe, expect, it } from 'vitest';
import { SUPPORTED_API_VERSIONS } from '../../plugins/sdk/index.js';
import { manifestSchema, normaliseMain, validateManifest } from './manifest.js';

const full = {
  apiVersion: 1,
  main: 'index.js',
  displayName: 'Text tools',
  category: 'Text',
  tags: ['string'],
  nodes: ['text.upper', 'text.repeat'],
};
const strict = { strict: true, packageName: 'weft-plugin-text' };
const loose = { strict: false, packageName: 'weft-plugin-text' };

function reasonOf(raw: unknown, options = strict): string {
  const result = validateManifest(raw, options);
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
}

describe('validateManifest', () => {
  it('accepts a complete manifest in both modes without warnings', () => {
    for (const options of [strict, loose]) {
      expect(validateManifest(full, options)).toEqual({ ok: true, manifest: full, warnings: [] });
    }
    expect(manifestSchema.safeParse(full).success).toBe(true);
  });

  it('strict: refuses each missing field, naming it', () => {
    for (const key of Object.keys(full)) {
      const { [key as keyof typeof full]: _dropped, ...rest } = full;
      expect(reasonOf(rest)).toBe(`weft.${key}: required`);
    }
  });

  it('strict: refuses an unknown field and names every problem at once', () => {
    expect(reasonOf({ ...full, colour: 'teal' })).toBe('weft.colour: unknown field');
    const { main: _main, ...noMain } = full;
    expect(reasonOf({ ...noMain, colour: 'teal' })).toBe('weft.colour: unknown field; weft.main: required');
  });

  it('loose: fills defaults and records a warning per filled or ignored field', () => {
    const result = validateManifest({ apiVersion: 1, nodes: ['text.upper'], colour: 'teal' }, loose);
    expect(result).toEqual({
      ok: true,
      manifest: {
        apiVersion: 1,
        main: 'index.js',
        displayName: 'weft-plugin-text',
        category: 'Other',
        tags: [],
        nodes: ['text.upper'],
      },
      warnings: [
        'weft.colour: unknown field, ignored',
        'weft.main: missing, using "index.js"',
        'weft.displayName: missing, using "weft-plugin-text"',
        'weft.category: missing, using "Other"',
        'weft.tags: missing, using []',
      ],
    });
  });

  it('loose: still requires apiVersion and nodes, which have no sensible default', () => {
    expect(reasonOf({ nodes: ['a.b'] }, loose)).toBe('weft.apiVersion: required');
    expect(reasonOf({ apiVersion: 1 }, loose)).toBe('weft.nodes: required');
  });

  it.each([
    ['apiVersion', '1', 'weft.apiVersion: expected an integer'],
    ['apiVersion', 1.5, 'weft.apiVersion: expected an integer'],
    ['main', 3, 'weft.main: expected a string'],
    ['displayName', ['x'], 'weft.displayName: expected a string'],
    ['category', '  ', 'weft.category: must not be empty'],
    ['tags', 'string', 'weft.tags: expected an array of strings'],
    ['tags', ['ok', 7], 'weft.tags[1]: expected a string'],
    ['nodes', [], 'weft.nodes: must declare at least one node type'],
    ['nodes', 'text.upper', 'weft.nodes: expected an array of node types'],
    ['nodes', ['upper'], 'weft.nodes[0]: expected a node type like "text.upper" (<namespace>.<name>)'],
    ['nodes', ['Text.upper'], 'weft.nodes[0]: expected a node type like "text.upper" (<namespace>.<name>)'],
    ['nodes', ['core.fake'], 'weft.nodes[0]: the "core" namespace is reserved for bundled nodes'],
    ['nodes', ['a.b', 'a.b'], 'weft.nodes: lists a node type twice'],
  ])('refuses %s = %j in both modes', (key, value, reason) => {
    expect(reasonOf({ ...full, [key]: value }, strict)).toBe(reason);
    expect(reasonOf({ ...full, [key]: value }, loose)).toBe(reason);
  });

  it('refuses an apiVersion this Weft does not support, in both modes, saying which it does', () => {
    const expected = `apiVersion 99 is not supported (this Weft supports ${SUPPORTED_API_VERSIONS.join(', ')})`;
    expect(expected).toBe('apiVersion 99 is not supported (this Weft supports 1)');
    // Given alone, even when other fields are wrong too: it is the reason that matters.
    expect(reasonOf({ ...full, apiVersion: 99, colour: 'x' }, strict)).toBe(expected);
    expect(reasonOf({ ...full, apiVersion: 99 }, loose)).toBe(expected);
    expect(reasonOf({ ...full, apiVersion: 0 }, loose)).toContain('apiVersion 0 is not supported');
  });

  it.each([
    '../index.js',
    'lib/../../x.js',
    '/etc/passwd',
    'C:\\x.js',
    'C:x.js',
    '\\\\server\\x.js',
    '.',
    './',
    'a\0b',
  ])('refuses main %j, which leaves the folder, in both modes', (main) => {
    const reason = 'weft.main: must be a relative path inside the plugin folder';
    expect(reasonOf({ ...full, main }, strict)).toBe(reason);
    expect(reasonOf({ ...full, main }, loose)).toBe(reason);
  });

  it('normalises main to a forward-slash path inside the folder', () => {
    expect(normaliseMain('./lib/index.js')).toBe('lib/index.js');
    expect(normaliseMain('lib\\index.js')).toBe('lib/index.js');
    expect(normaliseMain('lib/../index.js')).toBe('index.js');
    const result = validateManifest({ ...full, main: './dist//plugin.js' }, strict);
    expect(result.ok && result.manifest.main).toBe('dist/plugin.js');
  });

  it('refuses a weft value that is not an object', () => {
    for (const raw of [null, 1, 'x', [full]]) expect(reasonOf(raw, loose)).toBe('weft: expected an object');
  });

  it('reads own fields only: inherited names are neither fields nor unknown', () => {
    const withProto = JSON.parse('{"apiVersion":1,"nodes":["a.b"],"__proto__":{"main":"../x.js"}}');
    const result = validateManifest(withProto, loose);
    expect(result.ok && result.manifest.main).toBe('index.js');
    expect(result.ok && result.warnings).toContain('weft.__proto__: unknown field, ignored');
  });
});
