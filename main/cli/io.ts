import { readFile, stat, writeFile } from 'node:fs/promises';

/** Where the CLI writes text: stdout or stderr, possibly a terminal. */
export interface OutStream {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Terminal size; undefined when not a terminal. Read again at every frame, so a resize is picked up. */
  readonly columns: number | undefined;
  readonly rows: number | undefined;
}

/** What `fs.stat` tells the CLI about a path. */
export interface FileInfo {
  readonly size: number;
  readonly isFile: boolean;
}

/**
 * Everything the CLI touches outside itself, so that commands run in-process under test with a fake
 * (see testing/fake-io.ts) and the real process is wired in one place (`createProcessIo`).
 */
export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Rejects with a Node-style error (`code` such as `ENOENT`) when the file cannot be read. */
  readFile(path: string): Promise<string>;
  stat(path: string): Promise<FileInfo>;
  /** Writes (creating or replacing) a UTF-8 file; rejects with a Node-style error when it cannot. */
  writeFile(path: string, text: string): Promise<void>;
  /** Epoch milliseconds with fraction (the same clock the engine stamps events with). */
  now(): number;
  /** Calls `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
  /** Calls `handler` on each Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
  /** Ends the process at once (a second Ctrl-C). Fakes record the code instead. */
  exit(code: number): void;
  /** Resolves once everything written so far has been handed to the operating system. */
  flush(): Promise<void>;
}

function processStream(stream: NodeJS.WriteStream): OutStream {
  // A reader that goes away (`weft run x | head`) must not crash the CLI with EPIPE.
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  return {
    write: (text) => {
      stream.write(text);
    },
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.isTTY ? stream.columns : undefined;
    },
    get rows() {
      return stream.isTTY ? stream.rows : undefined;
    },
  };
}

function drain(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}

/** The real process: its streams, file system, environment, timers and signals. */
export function createProcessIo(): CliIo {
  return {
    stdout: processStream(process.stdout),
    stderr: processStream(process.stderr),
    env: process.env,
    readFile: (path) => readFile(path, 'utf8'),
    stat: async (path) => {
      const s = await stat(path);
      return { size: s.size, isFile: s.isFile() };
    },
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    now: () => performance.timeOrigin + performance.now(),
    every: (ms, fn) => {
      const timer = setInterval(fn, ms);
      return () => clearInterval(timer);
    },
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => {
        process.off('SIGINT', handler);
      };
    },
    exit: (code) => process.exit(code),
    flush: async () => {
      await Promise.all([drain(process.stdout), drain(process.stderr)]);
    },
  };
}
