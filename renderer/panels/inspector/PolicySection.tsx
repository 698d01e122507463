// The node's policy (SPEC §3): retries, timeout, what a failure does, fallback outputs. Edits go
// through `setPolicy`, typing into one field being one undo step; emptied settings are removed, and
// each field says what the host would refuse.
import { useMemo, useState } from 'react';
import type { NodePolicy, WorkflowNode } from '../../../engine/model/document.js';
import type { NodeTypeDescriptor } from '../../../preload/contract.js';
import { useDocumentStore } from '../../stores/document.store.js';
import { Field } from './fields/Field.js';
import {
  FALLBACK_FIELD,
  ON_ERROR_CHOICES,
  ON_ERROR_FIELD,
  policyProblems,
  RETRY_FIELDS,
  timeoutField,
  withPolicy,
  withRetry,
  type PolicyKey,
  type RetryKey,
} from './policy-model.js';

/** SPEC §3.3: a node without a timeout of its own and a workflow without one get a minute. */
const DEFAULT_NODE_TIMEOUT_MS = 60_000;
const ON_ERROR_LABELS: ReadonlyMap<unknown, string> = new Map(
  ON_ERROR_CHOICES.map((c) => [c.value, c.label]),
);
const RETRY_DETAILS: readonly RetryKey[] = ['initialDelayMs', 'backoffFactor', 'maxDelayMs', 'jitter'];

function summary(policy: NodePolicy | undefined): string {
  if (!policy) return 'defaults';
  const parts: string[] = [];
  const attempts = policy.retry?.maxAttempts;
  if (attempts !== undefined && attempts > 1) parts.push(`${attempts} attempts`);
  if (policy.timeoutMs !== undefined) parts.push(`${policy.timeoutMs} ms`);
  if (policy.onError && policy.onError !== 'fail') parts.push(`on error: ${policy.onError}`);
  return parts.length > 0 ? parts.join(' · ') : 'defaults';
}

export function PolicySection({ node, type }: { node: WorkflowNode; type: NodeTypeDescriptor | undefined }) {
  const setPolicy = useDocumentStore((s) => s.setPolicy);
  const workflowTimeout = useDocumentStore((s) => s.meta.settings?.nodeTimeoutMs) ?? DEFAULT_NODE_TIMEOUT_MS;
  const [open, setOpen] = useState(node.policy !== undefined);
  const { policy, id } = node;
  const timeout = useMemo(() => timeoutField(workflowTimeout), [workflowTimeout]);
  const outputs = useMemo(() => type?.outputs.map((p) => p.name) ?? null, [type]);
  const problems = policyProblems(policy, outputs, timeout);
  const retry = (policy?.retry ?? {}) as Record<string, unknown>;
  const retries = (policy?.retry?.maxAttempts ?? 1) > 1 || RETRY_DETAILS.some((k) => retry[k] !== undefined);
  const showFallback = policy?.onError === 'fallback' || policy?.fallback !== undefined;

  // The policy rendered is the stored one: every edit re-renders before the next can happen.
  const setRetry = (key: RetryKey, value: unknown) =>
    setPolicy(id, withRetry(policy, key, value), `policy:${id}:retry.${key}`);
  const setOther = (key: PolicyKey, value: unknown) =>
    setPolicy(id, withPolicy(policy, key, value), `policy:${id}:${key}`);

  const retryField = (key: RetryKey) => (
    <Field
      key={key}
      spec={RETRY_FIELDS[key]}
      value={retry[key]}
      onChange={(v) => setRetry(key, v)}
      problem={problems[`retry.${key}`] ?? null}
      testId={`policy-${key}`}
      scope="policy"
    />
  );

  return (
    <details
      className="inspector-section"
      data-testid="policy-section"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <span className="inspector-section-title">Error handling</span>
        <span className="muted inspector-section-summary">{summary(policy)}</span>
      </summary>
      <div className="inspector-form">
        {retryField('maxAttempts')}
        {retries && RETRY_DETAILS.map(retryField)}
        <Field
          spec={timeout}
          value={policy?.timeoutMs}
          onChange={(v) => setOther('timeoutMs', v)}
          problem={problems['timeoutMs'] ?? null}
          testId="policy-timeoutMs"
          scope="policy"
        />
        <Field
          spec={ON_ERROR_FIELD}
          value={policy?.onError}
          onChange={(v) => setOther('onError', v)}
          problem={problems['onError'] ?? null}
          testId="policy-onError"
          scope="policy"
          enumLabels={ON_ERROR_LABELS}
        >
          {policy?.onError === 'route' && (
            <span className="field-help">Connect this node’s “error” port to handle the failure.</span>
          )}
        </Field>
        {showFallback && (
          <Field
            spec={FALLBACK_FIELD}
            value={policy?.fallback}
            onChange={(v) => setOther('fallback', v)}
            problem={problems['fallback'] ?? null}
            testId="policy-fallback"
            scope="policy"
          >
            {outputs && outputs.length > 0 && (
              <span className="field-help">
                Outputs: <span className="mono">{outputs.join(', ')}</span>
              </span>
            )}
          </Field>
        )}
      </div>
    </details>
  );
}
