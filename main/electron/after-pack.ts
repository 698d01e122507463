// electron-builder's afterPack hook (electron-builder.yml), bundled by scripts/build-electron.mjs to
// dist/electron/after-pack.cjs: electron-builder loads a hook with require() and calls its default export.
import { applyFuses } from './fuses.js';

export default applyFuses;
