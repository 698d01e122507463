// The `weft` manifest of a plugin's package.json (SPEC §5), validated before any plugin code runs.
// Strict mode refuses a missing or unknown field; loose mode fills defaults and keeps a warning for
// each, so an author sees what was guessed. Some problems are refused in both modes: without a usable
// apiVersion or node list the host can neither tell whether the code fits nor resolve duplicates, and a
// field of the wrong type is more likely a mistake than something to paper over.
import path from 'node:path';
import { z } from 'zod';
import { SUPPORTED_API_VERSIONS } from '../../plugins/sdk/index.js';
import type { PluginManifest } from './types.js';

/** `<namespace>.<name>`: a lower-case namespace, so `hello.say` and `Hello.say` cannot both exist. */
export const NODE_TYPE_PATTERN = /^[a-z0-9][a-z0-9-]*\.[A-Za-z0-9_.-]+$/;

/** Bundled nodes own this namespace; a plugin may not add to it. */
export const RESERVED_NAMESPACE = 'core';

const nodeType = z
  .string({ error: 'expected a string' })
  .regex(NODE_TYPE_PATTERN, { error: 'expected a node type like "text.upper" (<namespace>.<name>)' })
  .refine((type) => !type.startsWith(`${RESERVED_NAMESPACE}.`), {
    error: `the "${RESERVED_NAMESPACE}" namespace is reserved for bundled nodes`,
  });

const fields = {
  apiVersion: z.number({ error: 'expected an integer' }).int({ error: 'expected an integer' }),
  main: z
    .string({ error: 'expected a string' })
    .min(1, { error: 'must not be empty' })
    .refine((main) => normaliseMain(main) !== undefined, {
      error: 'must be a relative path inside the plugin folder',
    }),
  displayName: z
    .string({ error: 'expected a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(100),
  category: z.string({ error: 'expected a string' }).trim().min(1, { error: 'must not be empty' }).max(60),
  tags: z
    .array(z.string({ error: 'expected a string' }).min(1).max(40), { error: 'expected an array of strings' })
    .max(50),
  nodes: z
    .array(nodeType, { error: 'expected an array of node types' })
    .min(1, { error: 'must declare at least one node type' })
    .max(500)
    .refine((types) => new Set(types).size === types.length, { error: 'lists a node type twice' }),
};

type Field = keyof typeof fields;
const FIELD_NAMES = Object.keys(fields) as Field[];

/** The manifest as strict mode wants it; exported for tooling that checks a manifest on its own. */
export const manifestSchema = z.strictObject(fields);

/** Fields loose mode fills in when missing; the others are required in both modes. */
function defaults(packageName: string): Partial<Record<Field, unknown>> {
  return { main: 'index.js', displayName: packageName, category: 'Other', tags: [] };
}

export interface ManifestOptions {
  readonly strict: boolean;
  /** The package's name, used as the default display name. */
  readonly packageName: string;
}

export type ManifestResult =
  | { readonly ok: true; readonly manifest: PluginManifest; readonly warnings: string[] }
  | { readonly ok: false; readonly reason: string };

/** The message a plugin built for another API gets: it says which versions this Weft supports. */
export function unsupportedApiReason(apiVersion: number): string {
  return `apiVersion ${apiVersion} is not supported (this Weft supports ${SUPPORTED_API_VERSIONS.join(', ')})`;
}

/**
 * Validates the `weft` value of a package.json. Every problem found is named in the reason (joined by
 * `; `), each as `weft.<field>: <problem>`, so one pass tells an author all that is wrong.
 */
export function validateManifest(raw: unknown, options: ManifestOptions): ManifestResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'weft: expected an object' };
  }
  const record = raw as Record<string, unknown>;
  // Own properties only: a manifest saying nothing about `constructor` must not read Object's.
  const get = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);

  // An unsupported API is the one reason that matters most, so it is given alone.
  const api = fields.apiVersion.safeParse(get('apiVersion'));
  if (api.success && !SUPPORTED_API_VERSIONS.includes(api.data)) {
    return { ok: false, reason: unsupportedApiReason(api.data) };
  }

  const problems: string[] = [];
  const warnings: string[] = [];
  for (const key of Object.keys(record)) {
    if ((FIELD_NAMES as string[]).includes(key)) continue;
    if (options.strict) problems.push(`weft.${key}: unknown field`);
    else warnings.push(`weft.${key}: unknown field, ignored`);
  }

  const fallback = defaults(options.packageName);
  const values: Partial<Record<Field, unknown>> = {};
  for (const key of FIELD_NAMES) {
    const value = get(key);
    if (value === undefined) {
      if (options.strict || !(key in fallback)) {
        problems.push(`weft.${key}: required`);
      } else {
        values[key] = fallback[key];
        warnings.push(`weft.${key}: missing, using ${JSON.stringify(fallback[key])}`);
      }
      continue;
    }
    const parsed = fields[key].safeParse(value);
    if (parsed.success) values[key] = parsed.data;
    else problems.push(...parsed.error.issues.map((issue) => describeIssue(key, issue)));
  }

  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  const manifest: PluginManifest = {
    apiVersion: values.apiVersion as number,
    main: normaliseMain(values.main as string) as string,
    displayName: values.displayName as string,
    category: values.category as string,
    tags: values.tags as string[],
    nodes: values.nodes as string[],
  };
  return { ok: true, manifest, warnings };
}

function describeIssue(key: Field, issue: z.ZodError['issues'][number]): string {
  const where = issue.path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('');
  return `weft.${key}${where}: ${issue.message}`;
}

/**
 * `main` as a forward-slash path relative to the plugin folder, or undefined when it is absolute,
 * climbs out of the folder or names the folder itself: the runner imports exactly this file, so it
 * must not reach anything the plugin does not own.
 */
export function normaliseMain(main: string): string | undefined {
  if (main.includes('\0')) return undefined;
  const slashed = main.replaceAll('\\', '/');
  if (path.posix.isAbsolute(slashed) || path.win32.isAbsolute(main) || /^[A-Za-z]:/.test(main))
    return undefined;
  const normal = path.posix.normalize(slashed);
  if (normal === '.' || normal === './' || normal === '..' || normal.startsWith('../')) return undefined;
  return normal;
}
