// What both runner launchers (fork and Electron's utility process) need to know about a child process:
// the environment it gets, the last words it wrote to stderr, and its resident memory.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

const STDERR_TAIL = 2_000;

/** The runner's whole environment: nothing of the host's (no tokens, no paths) unless named in `extra`. */
export function minimalEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const env: Record<string, string> = { NODE_ENV: process.env.NODE_ENV ?? 'production' };
  // Windows cannot start networking or crypto without SystemRoot; nothing else is needed by Node.
  if (process.platform === 'win32' && process.env.SystemRoot !== undefined) env.SystemRoot = process.env.SystemRoot;
  return { ...env, ...extra };
}

/**
 * Keeps the last 2,000 characters a child wrote to stderr ("Reached heap limit" and the like), never
 * echoing them, and reports its exit once stderr has drained — or after 50 ms, since a grandchild may
 * hold the pipe open. Returns the function to call with the exit.
 */
export function collectStderrTail(
  stderr: NodeJS.ReadableStream | null | undefined,
  callbacks: ReadonlyArray<(code: number | null, signal: string | null, detail: string) => void>,
): (code: number | null, signal: string | null) => void {
  let tail = '';
  stderr?.setEncoding('utf8');
  stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-STDERR_TAIL);
  });
  // An unref'd pipe still delivers data; the host's exit must not wait for the runner's stderr.
  (stderr as { unref?: () => void } | null | undefined)?.unref?.();
  return (code, signal) => {
    let reported = false;
    const report = (): void => {
      if (reported) return;
      reported = true;
      clearTimeout(timer);
      for (const callback of callbacks) callback(code, signal, tail.trim());
    };
    const timer = setTimeout(report, 50);
    if (stderr === null || stderr === undefined || (stderr as { readableEnded?: boolean }).readableEnded === true) report();
    else stderr.once('close', report);
  };
}

/** RSS of a process: /proc on Linux (cheap, no process start), `ps` on macOS, unknown elsewhere. */
export async function residentBytes(pid: number): Promise<number | undefined> {
  try {
    if (process.platform === 'linux') {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
      return kb === undefined ? undefined : Number(kb) * 1024;
    }
    if (process.platform === 'darwin') {
      const out = await new Promise<string>((resolve, reject) =>
        execFile('ps', ['-o', 'rss=', '-p', String(pid)], (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
      const kb = Number(out.trim());
      return Number.isFinite(kb) && kb > 0 ? kb * 1024 : undefined;
    }
  } catch {
    // The process is gone, or /proc is not readable: no reading this time.
  }
  return undefined;
}
