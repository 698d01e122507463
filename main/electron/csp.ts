// The Content-Security-Policy of the editor in the desktop window, sent as a header by the app protocol
// (protocol.ts) with every file. The editor is a bundle of our own files talking to main over IPC, so it
// needs nothing from anywhere else: no remote script, style, font, frame or connection, no eval, no
// inline script. A page injected into it (say, through a crafted workflow label) could run nothing.

/** Each directive and its sources; `CONTENT_SECURITY_POLICY` is this, joined. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  // Anything not named below is refused.
  'default-src': ["'none'"],
  // Only the bundle's own files: no inline script, no eval, no other origin.
  'script-src': ["'self'"],
  // React Flow positions nodes through style attributes; the stylesheets are the bundle's own.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  // Calls go over IPC; fetching the page's own files is the most the editor may do.
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/** Headers every answer of the app protocol carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
