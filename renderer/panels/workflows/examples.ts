// The sample workflows that ship in examples/, bundled into the editor as text, so a new user can
// start from something that runs (as n8n's templates and ComfyUI's default graph invite) without
// finding a file first. Each is imported like a dropped file: validated by the host, a new id.
import branching from '../../../examples/branching.weft.json?raw';
import hello from '../../../examples/hello.weft.json?raw';
import retry from '../../../examples/retry.weft.json?raw';

export interface Example {
  /** The file's name, as an import reports it. */
  readonly fileName: string;
  readonly name: string;
  readonly text: string;
}

function example(fileName: string, text: string): Example {
  const name = (JSON.parse(text) as { name?: unknown }).name;
  return { fileName, name: typeof name === 'string' ? name : fileName, text };
}

export const EXAMPLES: readonly Example[] = [
  example('hello.weft.json', hello),
  example('branching.weft.json', branching),
  example('retry.weft.json', retry),
];
