// The layering is only as good as the lint rules that hold it: this test lints small imports as if
// they sat in each folder and checks the rules still refuse what the architecture forbids (so loosening
// a rule fails here, not silently) and still allow what each layer needs.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const refused: Array<[file: string, source: string]> = [
  ['engine/run/x.ts', "import x from 'node:fs';"],
  ['engine/run/x.ts', "import x from 'fs';"],
  ['engine/run/x.ts', "import x from 'worker_threads';"],
  ['engine/run/x.ts', "import x from 'electron';"],
  ['engine/run/x.ts', "import x from 'react';"],
  ['engine/run/x.ts', "import x from '@xyflow/react';"],
  ['engine/run/x.ts', "import x from 'better-sqlite3';"],
  ['engine/run/x.ts', "import x from '../../main/cli/weft.js';"],
  ['engine/run/x.ts', "import x from '../../plugins/core/index.js';"],
  ['engine/run/x.ts', "import x from '../../renderer/app.js';"],
  ['plugins/sdk/x.ts', "import x from 'node:vm';"],
  ['plugins/sdk/x.ts', "import x from '../core/index.js';"],
  ['plugins/core/x.ts', "import x from '../../main/cli/weft.js';"],
  ['plugins/core/x.ts', "import x from 'electron';"],
  ['renderer/x.ts', "import x from 'node:path';"],
  ['renderer/x.ts', "import x from 'electron';"],
  ['renderer/x.ts', "import x from '../main/cli/weft.js';"],
  ['main/cli/x.ts', "import x from 'electron';"],
  // The backend process runs without Electron's modules (its tests run it in plain Node).
  ['main/backend/x.ts', "import x from 'electron';"],
  ['main/cli/x.ts', "import x from '../../renderer/app.js';"],
  ['preload/x.ts', "import x from '../main/cli/weft.js';"],
];

const allowed: Array<[file: string, source: string]> = [
  ['engine/run/x.ts', "import x from 'jsonata';"],
  ['engine/run/x.ts', "import x from '../model/document.js';"],
  ['plugins/sdk/x.ts', "import x from '../../engine/index.js';"],
  ['plugins/core/x.ts', "import x from '../sdk/index.js';"],
  ['plugins/core/x.ts', "import x from 'node:worker_threads';"],
  ['main/cli/x.ts', "import x from 'node:fs';"],
  ['main/cli/x.ts', "import x from '../../engine/index.js';"],
  ['main/electron/x.ts', "import x from 'electron';"],
  ['main/backend/x.ts', "import x from 'better-sqlite3';"],
];

describe('layering lint rules', () => {
  it.each(refused)('refuses in %s: %s', async (file, source) => {
    expect(await layeringErrors(file, source)).not.toEqual([]);
  });

  it.each(allowed)('allows in %s: %s', async (file, source) => {
    expect(await layeringErrors(file, source)).toEqual([]);
  });
});
