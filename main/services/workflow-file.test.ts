import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS, type WorkflowDocument } from '../../engine/index.js';
import { InvalidInputError, MissingPluginsError, WeftError } from '../errors.js';
import { fuzzRegistry as registry } from './testing/fuzz.js';
import {
  canonicalJson,
  exportWorkflow,
  exportWorkflowWithReport,
  findTooDeep,
  parseImport,
} from './workflow-file.js';

const plugins: Record<string, { name: string; version?: string }> = {
  'text.upper': { name: 'weft-plugin-text', version: '1.4.0' },
  'zip.pack': { name: 'aaa-zip' },
};
const pluginOf = (type: string) => plugins[type];
const installedAll = (plugin: string) => (plugin === 'weft-plugin-text' ? { version: '1.4.0' } : undefined);

function sample(): WorkflowDocument {
  return {
    format: 'weft.workflow',
    formatVersion: 1,
    name: 'Greeting',
    settings: { maxConcurrency: 8 },
    nodes: [
      { id: 'start', type: 'core.manual', position: { x: 0, y: 0 }, params: { payload: { name: 'Ada' } } },
      {
        id: 'greet',
        type: 'core.set',
        label: 'Greet',
        params: {
          values: {
            text: 'Hello',
            apiKey: 'sk-live-123',
            auth: { Authorization: 'Bearer x', user: 'ada' },
            list: [{ password: 'p', keep: 1 }],
          },
        },
      },
      { id: 'up', type: 'text.upper', params: {} },
      { id: 'result', type: 'core.output', params: { name: 'greeting' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'out', target: 'greet', targetPort: 'in' },
      { id: 'e2', source: 'greet', sourcePort: 'out', target: 'up', targetPort: 'in' },
      { id: 'e3', source: 'up', sourcePort: 'out', target: 'result', targetPort: 'in' },
    ],
  };
}

/** The same value with object keys in reverse order at every level. */
function shuffled(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shuffled);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, shuffled(x)]),
  );
}

/** Parses `text` and answers the error it was refused with. */
function refusal(text: string, installed = installedAll): WeftError {
  try {
    parseImport(text, registry, installed);
  } catch (e) {
    expect(e).toBeInstanceOf(WeftError);
    return e as WeftError;
  }
  throw new Error('accepted');
}

function paths(e: WeftError): string[] {
  return e instanceof InvalidInputError
    ? e.problems.map((p) => `${p.path} ${p.code}`)
    : [`${e.path} ${e.code}`];
}

const protoKeys = Reflect.ownKeys(Object.prototype).map(String).sort();
afterEach(() => {
  vi.restoreAllMocks();
  expect(Reflect.ownKeys(Object.prototype).map(String).sort()).toEqual(protoKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('canonicalJson', () => {
  it('writes the same bytes whatever the key order, integer-like keys included', () => {
    const value = { b: 1, a: { '10': 'x', '2': 'y', z: [3, { d: null, c: true }] }, '1': [] };
    const text = canonicalJson(value);
    expect(canonicalJson(shuffled(value))).toBe(text);
    expect(text).toBe(
      '{\n  "1": [],\n  "a": {\n    "10": "x",\n    "2": "y",\n    "z": [\n      3,\n      {\n        "c": true,\n        "d": null\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('exportWorkflow', () => {
  it('is byte-stable, and stable through an import round trip', () => {
    const doc = sample();
    const once = exportWorkflow(doc, { pluginOf });
    expect(exportWorkflow(doc, { pluginOf })).toBe(once);
    expect(exportWorkflow(shuffled(doc) as WorkflowDocument, { pluginOf })).toBe(once);
    const again = parseImport(once, registry, installedAll);
    expect(exportWorkflow(again, { pluginOf })).toBe(once);
  });

  it('fills requires with non-core plugins, sorted by name, caret version when known', () => {
    const doc = sample();
    doc.nodes.push({ id: 'zip', type: 'zip.pack' }, { id: 'up2', type: 'text.upper' });
    const out = JSON.parse(exportWorkflow(doc, { pluginOf })) as WorkflowDocument;
    expect(out.requires).toEqual([{ plugin: 'aaa-zip' }, { plugin: 'weft-plugin-text', version: '^1.4.0' }]);
  });

  it('keeps a stored requirement for a node type no installed plugin provides', () => {
    const doc = { ...sample(), requires: [{ plugin: 'gone', version: '^3.0.0' }] };
    doc.nodes.push({ id: 'g', type: 'gone.node' });
    const out = JSON.parse(exportWorkflow(doc, { pluginOf })) as WorkflowDocument;
    expect(out.requires?.map((r) => r.plugin)).toEqual(['gone', 'weft-plugin-text']);
  });

  it('blanks secrets at any depth of params, keeps everything else, and leaves its input alone', () => {
    const doc = sample();
    const before = structuredClone(doc);
    const { text, strippedPaths } = exportWorkflowWithReport(doc, { pluginOf });
    expect(doc).toEqual(before);
    const greet = (JSON.parse(text) as WorkflowDocument).nodes[1]!;
    expect(greet.params).toEqual({
      values: {
        text: 'Hello',
        apiKey: '',
        auth: { Authorization: '', user: 'ada' },
        list: [{ password: '', keep: 1 }],
      },
    });
    expect(strippedPaths).toEqual([
      'nodes[1].params.values.apiKey',
      'nodes[1].params.values.auth.Authorization',
      'nodes[1].params.values.list[0].password',
    ]);
    expect(text).not.toContain('sk-live');
    expect(greet.label).toBe('Greet');
  });
});

describe('parseImport refuses, with a path', () => {
  const valid = () => exportWorkflow(sample(), { pluginOf });

  it('text that is not JSON', () => {
    expect(paths(refusal('{"format": '))).toEqual(['$ INVALID_JSON']);
  });

  it('a file over 10 MiB, before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const text = `{"description":"${'x'.repeat(LIMITS.maxBytes)}"}`;
    const started = performance.now();
    const e = refusal(text);
    expect(e.code).toBe('TOO_LARGE');
    expect(e.path).toBe('$');
    expect(parse).not.toHaveBeenCalled();
    expect(performance.now() - started).toBeLessThan(200);
    // Measured in UTF-8 bytes, not characters.
    expect(refusal(`"${'é'.repeat(LIMITS.maxBytes / 2 + 1)}"`).code).toBe('TOO_LARGE');
  });

  it.each(['__proto__', 'constructor', 'prototype', '\\u005f_proto__'])('the key %s anywhere', (key) => {
    const text = valid().replace(
      '"name": "Ada"',
      `"name": {"deep": {"${key}": {"polluted": 1, "prototype": {"polluted": 1}}}}`,
    );
    const name = key.startsWith('\\') ? '__proto__' : key;
    expect(paths(refusal(text))).toContain(`nodes[0].params.payload.name.deep.${name} FORBIDDEN_KEY`);
    expect(paths(refusal(`{"${key}": {"polluted": 1}}`))).toContain(`${name} FORBIDDEN_KEY`);
  });

  it('nesting deeper than 64, even 100,000 deep, without parsing', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const deep = `{"nodes": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    const e = refusal(deep);
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)[0]).toMatch(/^nodes\[0\](\[0\])+ TOO_DEEP$/);
    // Only the key names of the path are decoded, never the document.
    expect(parse.mock.calls.map(([t]) => t)).toEqual(['"nodes"']);
    // Brackets inside strings do not count; the engine's counting (root = depth 1) is matched exactly.
    expect(findTooDeep(`{"a": "${'['.repeat(100)}"}`)).toBeUndefined();
    expect(findTooDeep(`${'['.repeat(64)}${']'.repeat(64)}`)).toBeUndefined();
    expect(findTooDeep(`{"x": ${'['.repeat(64)}`)).toBe(`x${'[0]'.repeat(63)}`);
  });

  it('unknown keys, dangling edges, cycles and unknown node types, every one listed', () => {
    const doc = JSON.parse(valid()) as Record<string, unknown> & WorkflowDocument;
    doc.extra = 1;
    (doc.nodes[0] as Record<string, unknown>).colour = 'red';
    doc.edges.push({ id: 'e9', source: 'ghost', sourcePort: 'out', target: 'result', targetPort: 'in' });
    doc.edges.push({ id: 'back', source: 'up', sourcePort: 'out', target: 'greet', targetPort: 'in' });
    doc.nodes.push({ id: 'odd', type: 'nope.node' });
    const found = paths(refusal(JSON.stringify(doc)));
    expect(found).toEqual(
      expect.arrayContaining([
        'extra UNKNOWN_KEY',
        'nodes[0].colour UNKNOWN_KEY',
        'edges[3].source MISSING_NODE',
        'nodes[1] CYCLE',
        'nodes[4].type UNKNOWN_NODE_TYPE',
      ]),
    );
  });

  it('missing plugins, every one named, an incompatible version counting as missing', () => {
    const doc = JSON.parse(valid()) as WorkflowDocument;
    doc.requires = [
      { plugin: 'weft-plugin-text', version: '^2.0.0' },
      { plugin: 'weft-plugin-a', version: '^1.0.0' },
      { plugin: 'weft-plugin-b' },
    ];
    const e = refusal(JSON.stringify(doc));
    expect(e).toBeInstanceOf(MissingPluginsError);
    expect(e.path).toBe('requires');
    expect((e as MissingPluginsError).plugins).toEqual([
      { plugin: 'weft-plugin-text', version: '^2.0.0', installed: '1.4.0' },
      { plugin: 'weft-plugin-a', version: '^1.0.0' },
      { plugin: 'weft-plugin-b' },
    ]);
  });

  it('checks versions by major: caret, tilde, x-range and >=', () => {
    const doc = JSON.parse(valid()) as WorkflowDocument;
    const missingFor = (version: string) => {
      doc.requires = [{ plugin: 'weft-plugin-text', version }];
      try {
        parseImport(JSON.stringify(doc), registry, installedAll);
        return false;
      } catch (e) {
        return e instanceof MissingPluginsError;
      }
    };
    expect(['^1.0.0', '~1.9', '1.x', '>=1.0.0', '>=0.5', '*'].map(missingFor)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['^2.0.0', '0.x', '>=2', 'latest'].map(missingFor)).toEqual([true, true, true, true]);
  });

  it('names the missing plugin rather than the node types it would provide', () => {
    const e = refusal(valid(), () => undefined);
    expect(e).toBeInstanceOf(MissingPluginsError);
    expect(e.message).toContain('weft-plugin-text@^1.4.0');
  });

  it('a format version newer than this program', () => {
    expect(paths(refusal(valid().replace('"formatVersion": 1', '"formatVersion": 7')))).toEqual([
      'formatVersion FORMAT_VERSION',
    ]);
  });
});

describe('parseImport accepts', () => {
  it('a valid file, with a byte-order mark, returning the validated document', () => {
    const doc = parseImport(`\ufeff${exportWorkflow(sample(), { pluginOf })}`, registry, installedAll);
    expect(doc.nodes.map((n) => n.id)).toEqual(['start', 'greet', 'up', 'result']);
    expect(doc.requires).toEqual([{ plugin: 'weft-plugin-text', version: '^1.4.0' }]);
  });
});
