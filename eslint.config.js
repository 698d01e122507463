// Lint for Weft. Most of this file is the layering: which folder may import what (see
// docs/architecture.md). The style rules are typescript-eslint's non-type-checked recommended set, to
// keep `npm run lint` fast; `tsc -b` does the type checking.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------------
// Layering. Each restriction is a set of `no-restricted-imports` paths/patterns. Flat config replaces a
// rule's options when two config objects match one file, so every file must match exactly one layer
// below (they are disjoint by `files`/`ignores`), and each layer lists all of its restrictions.
// Patterns are gitignore-style globs matched against the import text, so `**/main/**` catches
// `../../main/x.js` as well as `main/x.js`.
// ---------------------------------------------------------------------------------------------------

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

/** @typedef {{ paths?: { name: string, message: string }[], patterns?: { group: string[], message: string }[] }} Restriction */

/** @type {(names: string[], message: string) => Restriction} */
const packages = (names, message) => ({
  paths: names.map((name) => ({ name, message })),
  patterns: [{ group: names.map((name) => `${name}/*`), message }],
});

/** @type {(folder: string, message: string) => Restriction} */
const folder = (name, message) => ({ patterns: [{ group: [`**/${name}`, `**/${name}/**`], message }] });

const NODE = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in this layer.' })),
  patterns: [{ group: ['node:*'], message: 'Node built-ins are not available in this layer.' }],
};
const ELECTRON = packages(['electron'], 'Only main/electron/ (and the preload entry) may import electron.');
const REACT = packages(
  ['react', 'react-dom', '@xyflow/react', '@xyflow/system'],
  'UI libraries belong in renderer/.',
);
REACT.patterns?.push({ group: ['@xyflow/*'], message: 'UI libraries belong in renderer/.' });
const SQLITE = packages(['better-sqlite3'], 'The database belongs in main/db/.');
const MAIN = folder('main', 'Nothing outside main/ imports main/ (only e2e/ and bench/ may).');
const RENDERER = folder('renderer', 'Nothing outside renderer/ imports renderer/.');
const PRELOAD = folder('preload', 'This layer may not import preload/.');
const PLUGINS = folder('plugins', 'This layer may not import plugins/.');
const CORE = folder('core', 'plugins/sdk may not import plugins/core: core nodes are built on the SDK.');
const ENGINE = folder(
  'engine',
  'A plugin imports plugins/sdk, which re-exports what it needs from the engine.',
);
const TEST_ONLY = {
  patterns: [{ group: ['**/e2e/**', '**/bench/**'], message: 'Product code may not import e2e/ or bench/.' }],
};

/** @type {(...sets: Restriction[]) => import('eslint').Linter.RulesRecord} */
function restrict(...sets) {
  const paths = sets.flatMap((s) => s.paths ?? []);
  const patterns = sets.flatMap((s) => s.patterns ?? []);
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

// `import('fs')` escapes no-restricted-imports; in the host-free layers, catch the literal forms.
// (esquery regexes cannot hold "/", hence the `[^a-z]` for the subpath separator.)
const noDynamicNodeImports = {
  'no-restricted-syntax': [
    'error',
    {
      selector: `ImportExpression[source.value=/^(node:|electron([^a-z]|$)|(${nodeBuiltins
        .filter((name) => !name.includes('/'))
        .join('|')})([^a-z_]|$))/]`,
      message: 'Node built-ins and electron are not available in this layer.',
    },
  ],
};

// Patterns name the extensions: one ending in `/**` would also pull non-code files into the lint.
const CODE = '**/*.{js,mjs,cjs,ts,tsx}';
/** @type {(dir: string) => string[]} */
const under = (dir) => [`${dir}/${CODE}`];

const PLUGIN_TESTS = ['plugins/**/*.test.ts', 'plugins/**/testing.ts'];

const layers = [
  {
    name: 'layer/engine: pure, runs in any host',
    files: under('engine'),
    rules: {
      ...restrict(NODE, ELECTRON, REACT, SQLITE, MAIN, RENDERER, PRELOAD, PLUGINS, TEST_ONLY),
      ...noDynamicNodeImports,
    },
  },
  {
    name: 'layer/plugins-sdk: the only thing a plugin imports; as pure as the engine',
    files: under('plugins/sdk'),
    rules: {
      ...restrict(NODE, ELECTRON, REACT, SQLITE, MAIN, RENDERER, PRELOAD, CORE, TEST_ONLY),
      ...noDynamicNodeImports,
    },
  },
  {
    name: 'layer/plugins: nodes built on the SDK, run by main',
    files: under('plugins'),
    ignores: ['plugins/sdk/**', ...PLUGIN_TESTS],
    rules: restrict(ENGINE, MAIN, RENDERER, PRELOAD, ELECTRON, REACT, TEST_ONLY),
  },
  {
    // Tests (and their harness, testing.ts) may drive a node the way the engine does.
    name: 'layer/plugins-tests: as plugins, but may import the engine',
    files: PLUGIN_TESTS,
    ignores: ['plugins/sdk/**'],
    rules: restrict(MAIN, RENDERER, PRELOAD, ELECTRON, REACT, TEST_ONLY),
  },
  {
    name: 'layer/main-electron: the only place that imports electron',
    files: under('main/electron'),
    rules: restrict(RENDERER, REACT, TEST_ONLY),
  },
  {
    name: 'layer/main: services, db, rpc, cli',
    files: under('main'),
    ignores: ['main/electron/**'],
    rules: restrict(RENDERER, ELECTRON, REACT, TEST_ONLY),
  },
  {
    name: 'layer/preload-entry: the contextBridge script, which needs electron',
    files: ['preload/index.ts'],
    rules: { ...restrict(NODE, REACT, SQLITE, MAIN, RENDERER, PLUGINS, TEST_ONLY), ...noDynamicNodeImports },
  },
  {
    name: 'layer/preload: the contract, shared by main and renderer',
    files: under('preload'),
    ignores: ['preload/index.ts'],
    rules: {
      ...restrict(NODE, ELECTRON, REACT, SQLITE, MAIN, RENDERER, PLUGINS, TEST_ONLY),
      ...noDynamicNodeImports,
    },
  },
  {
    name: 'layer/renderer: the browser UI; reaches the host only through its API client',
    files: under('renderer'),
    rules: { ...restrict(NODE, ELECTRON, SQLITE, MAIN, PLUGINS, TEST_ONLY), ...noDynamicNodeImports },
  },
  {
    name: 'layer/e2e: drives the app from outside',
    files: under('e2e'),
    rules: restrict(RENDERER, ELECTRON, REACT),
  },
  {
    name: 'layer/bench: benchmarks may import engine, plugins and main',
    files: under('bench'),
    rules: restrict(RENDERER, ELECTRON, REACT),
  },
  {
    name: 'layer/tooling: scripts, bin, config, types',
    files: [CODE],
    ignores: ['engine/**', 'plugins/**', 'main/**', 'preload/**', 'renderer/**', 'e2e/**', 'bench/**'],
    rules: restrict(MAIN, RENDERER, ELECTRON, REACT),
  },
];

// ---------------------------------------------------------------------------------------------------

export default defineConfig(
  {
    name: 'weft/ignores',
    ignores: [
      'dist/**',
      'dist-types/**',
      'coverage/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'weft/all',
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    name: 'weft/globals-node',
    files: [
      'main/**',
      'plugins/**',
      'preload/**',
      'bench/**',
      'e2e/**',
      'scripts/**',
      'bin/**',
      '*.{js,mjs,ts}',
    ],
    languageOptions: { globals: globals.node },
  },
  { name: 'weft/globals-browser', files: under('renderer'), languageOptions: { globals: globals.browser } },
  {
    name: 'weft/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'weft/declarations',
    files: ['**/*.d.ts'],
    // Ambient global declarations need `declare var`.
    rules: { 'no-var': 'off' },
  },
  ...layers.map(({ name, files, ignores, rules }) => ({
    name,
    files,
    ...(ignores ? { ignores } : {}),
    rules,
  })),
);
