#!/usr/bin/env node
// The `weft` command. The CLI itself is main/cli/weft.ts, bundled to dist/cli/weft.js by
// scripts/build.mjs (which `npm install` runs as the `prepare` script). That module runs nothing on
// import; it exports `main(argv)`, which resolves to the exit code.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/weft.js', import.meta.url);

if (!existsSync(bundle)) {
  process.stderr.write(
    'weft: the command line is not built (dist/cli/weft.js is missing).\n' +
      'Run `npm install` in the Weft checkout, which builds it (or `npm run build`).\n',
  );
  process.exitCode = 2;
} else {
  const cli = await import(bundle.href);
  if (typeof cli.main === 'function') {
    const code = await cli.main(process.argv.slice(2));
    if (typeof code === 'number') process.exitCode = code;
  }
}
