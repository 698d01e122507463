// A node's policy (SPEC §3: retry, timeout, what to do on error, fallback outputs) as inspector fields:
// their specs (names, defaults and limits as the engine's policy schema has them), edits that drop
// emptied keys (an empty retry or policy disappears rather than being saved as `{}`), and the messages
// for what the host would refuse. Pure.
import type { NodePolicy, OnError, RetryPolicy } from '../../../engine/model/document.js';
import { RETRY_DEFAULTS } from '../../../engine/run/retry-policy.js';
import { checkField } from './field-check.js';
import type { FieldSpec } from './field-spec.js';

const base = { required: false, templatable: false, known: true, hasDefault: true } as const;
const wholeMs = { kind: 'number', types: ['integer'], integer: true, minimum: 0 } as const;

export type RetryKey = keyof RetryPolicy;

export const RETRY_FIELDS: Readonly<Record<RetryKey, FieldSpec>> = {
  maxAttempts: {
    ...base,
    name: 'maxAttempts',
    title: 'Attempts',
    description: 'Tries in all, the first included.',
    kind: 'number',
    types: ['integer'],
    integer: true,
    minimum: 1,
    maximum: 100,
    defaultValue: RETRY_DEFAULTS.maxAttempts,
  },
  initialDelayMs: {
    ...base,
    ...wholeMs,
    name: 'initialDelayMs',
    title: 'First delay (ms)',
    description: 'Wait before the second try.',
    defaultValue: RETRY_DEFAULTS.initialDelayMs,
  },
  backoffFactor: {
    ...base,
    name: 'backoffFactor',
    title: 'Backoff factor',
    description: 'Each later delay is the previous one times this.',
    kind: 'number',
    types: ['number'],
    minimum: 1,
    maximum: 100,
    defaultValue: RETRY_DEFAULTS.backoffFactor,
  },
  maxDelayMs: {
    ...base,
    ...wholeMs,
    name: 'maxDelayMs',
    title: 'Longest delay (ms)',
    defaultValue: RETRY_DEFAULTS.maxDelayMs,
  },
  jitter: {
    ...base,
    name: 'jitter',
    title: 'Jitter',
    description: 'Wait a random 50–100 % of each delay, so retries of many nodes do not bunch up.',
    kind: 'boolean',
    types: ['boolean'],
    defaultValue: RETRY_DEFAULTS.jitter,
  },
};

export const ON_ERROR_CHOICES: ReadonlyArray<{ value: OnError; label: string }> = [
  { value: 'fail', label: 'Fail the run' },
  { value: 'skip', label: 'Skip this node, go on' },
  { value: 'fallback', label: 'Succeed with fallback outputs' },
  { value: 'route', label: 'Send the error out of the “error” port' },
];

export const ON_ERROR_FIELD: FieldSpec = {
  ...base,
  name: 'onError',
  title: 'On error',
  description: 'What happens when the last try fails.',
  kind: 'enum',
  types: ['string'],
  enumValues: ON_ERROR_CHOICES.map((c) => c.value),
  defaultValue: 'fail',
};

/** The timeout field; its default is the workflow's node timeout. */
export function timeoutField(defaultMs: number): FieldSpec {
  return {
    ...base,
    name: 'timeoutMs',
    title: 'Timeout (ms)',
    description: 'Each try is stopped after this long.',
    kind: 'number',
    types: ['integer'],
    integer: true,
    exclusiveMinimum: 0,
    defaultValue: defaultMs,
  };
}

export const FALLBACK_FIELD: FieldSpec = {
  ...base,
  hasDefault: false,
  name: 'fallback',
  title: 'Fallback outputs',
  description: 'The values the node succeeds with, by output port: {"out": …}.',
  kind: 'json',
  types: ['object'],
};

function prune(policy: NodePolicy): NodePolicy | undefined {
  return Object.keys(policy).length === 0 ? undefined : policy;
}

/** The policy with one retry setting changed (`undefined` removes it; an empty retry goes away). */
export function withRetry(
  policy: NodePolicy | undefined,
  key: RetryKey,
  value: unknown,
): NodePolicy | undefined {
  const retry: Record<string, unknown> = { ...(policy?.retry ?? {}) };
  if (value === undefined) delete retry[key];
  else retry[key] = value;
  const { retry: _old, ...rest } = policy ?? {};
  return prune(Object.keys(retry).length === 0 ? rest : { ...rest, retry: retry as RetryPolicy });
}

export type PolicyKey = 'onError' | 'timeoutMs' | 'fallback';

export function withPolicy(
  policy: NodePolicy | undefined,
  key: PolicyKey,
  value: unknown,
): NodePolicy | undefined {
  const next: Record<string, unknown> = { ...(policy ?? {}) };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return prune(next as NodePolicy);
}

/**
 * What is wrong with the policy, by field (`retry.maxAttempts`, `timeoutMs`, `fallback`…). `outputs`
 * are the node type's output ports, which a fallback's keys must name.
 */
export function policyProblems(
  policy: NodePolicy | undefined,
  outputs: readonly string[] | null,
  timeout: FieldSpec,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!policy) return out;
  const retry = (policy.retry ?? {}) as Record<string, unknown>;
  for (const [key, spec] of Object.entries(RETRY_FIELDS)) {
    const message = checkField(spec, retry[key]);
    if (message) out[`retry.${key}`] = message;
  }
  const onError = checkField(ON_ERROR_FIELD, policy.onError);
  if (onError) out['onError'] = onError;
  const timeoutMs = checkField(timeout, policy.timeoutMs);
  if (timeoutMs) out['timeoutMs'] = timeoutMs;
  const fallback: unknown = policy.fallback;
  if (policy.onError === 'fallback' && fallback === undefined) {
    out['fallback'] = 'required when “On error” is fallback';
  } else if (fallback !== undefined) {
    const shape = checkField(FALLBACK_FIELD, fallback);
    const unknownPort =
      shape === null && outputs
        ? Object.keys(fallback as object).find((k) => k === 'error' || !outputs.includes(k))
        : undefined;
    if (shape) out['fallback'] = shape;
    else if (unknownPort !== undefined) out['fallback'] = `“${unknownPort}” is not an output of this node`;
  }
  return out;
}
