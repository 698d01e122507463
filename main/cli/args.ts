import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** The options a command accepts; every command also takes `--help`. */
export interface CommandArgsSpec {
  /** As in `weft run` (for messages). */
  readonly name: string;
  /** One line, e.g. `weft run FILE [--input JSON] [--json]`. */
  readonly usage: string;
  readonly options: OptionSpecs;
  /** How many positionals the command takes, at least and at most, and what to call them. */
  readonly positionals: { readonly min: number; readonly max: number; readonly names: readonly string[] };
}

type OptionValue = string | boolean | Array<string | boolean> | undefined;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, OptionValue>>;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

/** A string option's value (the last one when repeated). */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof last === 'string' ? last : undefined;
}

export function booleanOption(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** The name of the option a `node:util` parse error is about, from its message. */
function quotedIn(message: string): string | undefined {
  return /'([^']+)'/.exec(message)?.[1];
}

/** Turns node:util's parse errors into short messages that name the option (and the usage line). */
function toUsageError(err: unknown, spec: CommandArgsSpec): UsageError {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  const subject = quotedIn(message);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(subject ? `unknown option '${subject}'` : message, spec.usage, spec.name);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(subject ? `unexpected argument '${subject}'` : message, spec.usage, spec.name);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = subject?.split(' ')[0] ?? 'an option';
      let text = message.split('\n')[0] ?? message;
      if (message.includes('argument missing')) text = `option ${option} needs a value`;
      else if (message.includes('ambiguous'))
        text = `option ${option} needs a value (write ${option}=VALUE for one that starts with '-')`;
      else if (message.includes('does not take an argument')) text = `option ${option} takes no value`;
      return new UsageError(text, spec.usage, spec.name);
    }
    default:
      return new UsageError(message, spec.usage, spec.name);
  }
}

/** Parses a command's arguments strictly; throws a UsageError naming what is wrong. */
export function parseCommandArgs(spec: CommandArgsSpec, args: readonly string[]): ParsedArgs {
  const options: OptionSpecs = { ...spec.options, help: { type: 'boolean', short: 'h' } };
  let parsed: { values: Record<string, OptionValue>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (err) {
    throw toUsageError(err, spec);
  }
  const help = parsed.values.help === true;
  if (!help) {
    const { min, max, names } = spec.positionals;
    if (parsed.positionals.length < min) {
      throw new UsageError(
        `missing ${names[parsed.positionals.length] ?? 'argument'}`,
        spec.usage,
        spec.name,
      );
    }
    if (parsed.positionals.length > max) {
      throw new UsageError(`unexpected argument '${parsed.positionals[max]}'`, spec.usage, spec.name);
    }
  }
  return { values: parsed.values, positionals: parsed.positionals, help };
}
