// `node --import ./fake-electron-hooks.mjs main.js`: every `import … from 'electron'` of the process
// gets fake-electron.mjs instead of the real package (which, outside Electron, would try to download
// the binary). Used by app.smoke.test.ts to run the desktop app's real bundle in plain Node.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    const fake = ${JSON.stringify(new URL('./fake-electron.mjs', import.meta.url).href)};
    export async function resolve(specifier, context, next) {
      if (specifier === 'electron') return { url: fake, shortCircuit: true };
      return next(specifier, context);
    }
  `)}`,
);
