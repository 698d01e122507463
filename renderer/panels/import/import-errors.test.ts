import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../preload/contract.js';
import {
  describeMissingPlugin,
  localFileProblem,
  mapImportError,
  MAX_IMPORT_BYTES,
} from './import-errors.js';

describe('mapImportError', () => {
  it('lists every problem of a refused document with its path', () => {
    const problems = [
      { path: 'nodes[0].type', message: 'unknown node type "x.y"', code: 'UNKNOWN_NODE_TYPE' },
      { path: 'edges[1].target', message: 'no node "z"', code: 'MISSING_NODE' },
      { path: 'name', code: 'REQUIRED' },
    ];
    const refusal = mapImportError(
      'a.weft.json',
      new ApiCallError({ code: 'INVALID_INPUT', message: 'invalid', path: 'nodes[0].type', details: { problems } }),
    );
    expect(refusal.fileName).toBe('a.weft.json');
    expect(refusal.summary).toBe('The file has 3 problems; nothing was imported.');
    expect(refusal.problems).toEqual([
      { path: 'nodes[0].type', message: 'unknown node type "x.y"' },
      { path: 'edges[1].target', message: 'no node "z"' },
      { path: 'name', message: 'REQUIRED' },
    ]);
    expect(refusal.missingPlugins).toEqual([]);
  });

  it('names every missing plugin, with the range asked for and what is installed', () => {
    const refusal = mapImportError(
      'b.weft.json',
      new ApiCallError({
        code: 'MISSING_PLUGINS',
        message: 'missing plugins: weft-plugin-text@^1.2.0, weft-plugin-x',
        path: 'requires',
        details: {
          plugins: [{ plugin: 'weft-plugin-text', version: '^2.0.0', installed: '1.4.0' }, { plugin: 'weft-plugin-x' }],
        },
      }),
    );
    expect(refusal.summary).toBe('The workflow needs 2 plugins this workspace does not have.');
    expect(refusal.problems).toEqual([]);
    expect(refusal.missingPlugins.map(describeMissingPlugin)).toEqual([
      'weft-plugin-text: ^2.0.0 needed, 1.4.0 installed',
      'weft-plugin-x: not installed',
    ]);
  });

  it('uses the error’s own path and message when there is no list', () => {
    expect(
      mapImportError('c.json', new ApiCallError({ code: 'TOO_LARGE', message: 'over 10 MiB', path: '$' })),
    ).toEqual({
      fileName: 'c.json',
      summary: 'The file is too large.',
      problems: [{ path: '$', message: 'over 10 MiB' }],
      missingPlugins: [],
    });
    const noPath = mapImportError('d.json', new ApiCallError({ code: 'INVALID_INPUT', message: 'not valid JSON' }));
    expect(noPath.problems).toEqual([{ path: '', message: 'not valid JSON' }]);
  });

  it('reports a failure that never reached the host by its message', () => {
    expect(mapImportError('e.json', new Error('socket closed')).problems).toEqual([
      { path: '', message: 'socket closed' },
    ]);
  });
});

describe('localFileProblem', () => {
  it('accepts JSON files up to the limit', () => {
    expect(localFileProblem({ name: 'Flow.WEFT.JSON', size: 10 })).toBeNull();
    expect(localFileProblem({ name: 'photo.png', size: 10 })?.message).toMatch(/\.weft\.json/);
    expect(localFileProblem({ name: 'big.weft.json', size: MAX_IMPORT_BYTES + 1 })?.path).toBe('$');
  });
});
