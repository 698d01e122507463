// Ambient types for the renderer (tsconfig.web.json): what the page's host provides.
import type { PreloadBridge } from '../preload/contract.js';

declare global {
  interface Window {
    /** The Electron preload bridge; absent in browser mode (then the renderer uses the socket). */
    readonly weft?: PreloadBridge;
  }
}

export {};

