/** Test helpers: a real store in a fresh temp folder, and small valid workflow documents. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry } from '../../../engine/index.js';
import { coreNodeTypes } from '../../../plugins/core/index.js';
import { openStore, type OpenStore } from '../../services/store.js';

/** A temp folder removed by the returned function. */
export function tempDir(prefix = 'weft-store-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An open store over a fresh temp folder; `dispose` closes it and removes the folder. */
export function tempStore(): OpenStore & { dispose(): void } {
  const { dir, remove } = tempDir();
  const store = openStore({ dataDir: dir, registry: createRegistry(coreNodeTypes) });
  return {
    ...store,
    dispose() {
      store.close();
      remove();
    },
  };
}

/** A valid document: manual → set → output, with the given name, description, tags and greeting. */
export function sampleDoc(
  opts: { name?: string; description?: string; tags?: string[]; text?: string } = {},
): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    format: 'weft.workflow',
    formatVersion: 1,
    name: opts.name ?? 'Greeting',
    nodes: [
      { id: 'start', type: 'core.manual', params: { payload: { name: 'Ada' } } },
      {
        id: 'greet',
        type: 'core.set',
        params: { values: { text: opts.text ?? 'Hello, {{ input.in.name }}!' } },
      },
      { id: 'result', type: 'core.output', params: { name: 'greeting' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'out', target: 'greet', targetPort: 'in' },
      { id: 'e2', source: 'greet', sourcePort: 'out', target: 'result', targetPort: 'in' },
    ],
  };
  if (opts.description !== undefined) doc.description = opts.description;
  if (opts.tags !== undefined) doc.tags = opts.tags;
  return doc;
}
