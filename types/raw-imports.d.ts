// Vite's `?raw` imports in the renderer: the file's text. A script file (no import or export), so that
// the wildcard declaration is ambient rather than an augmentation.
declare module '*.weft.json?raw' {
  const text: string;
  export default text;
}
