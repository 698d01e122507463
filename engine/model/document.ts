import { z } from 'zod';
import { ID_PATTERN, LIMITS } from './limits.js';

/** The only workflow format version this program writes; older ones are migrated forward on load. */
export const CURRENT_FORMAT_VERSION = 1;

const id = z.string().regex(ID_PATTERN, 'must be 1–64 characters of A-Z, a-z, 0-9, _, . or -');
const nonNegativeInt = z.number().int().nonnegative();

export const retryPolicySchema = z
  .object({
    maxAttempts: z.number().int().min(1).max(100).optional(),
    initialDelayMs: nonNegativeInt.optional(),
    backoffFactor: z.number().min(1).max(100).optional(),
    maxDelayMs: nonNegativeInt.optional(),
    jitter: z.boolean().optional(),
  })
  .strict();

export const onErrorSchema = z.enum(['fail', 'skip', 'fallback', 'route']);

export const policySchema = z
  .object({
    retry: retryPolicySchema.optional(),
    onError: onErrorSchema.optional(),
    timeoutMs: z.number().int().positive().optional(),
    /** Port values a `fallback` node succeeds with. */
    fallback: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.onError === 'fallback' && p.fallback === undefined) {
      ctx.addIssue({ code: 'custom', path: ['fallback'], message: 'required when onError is "fallback"' });
    }
  });

export const positionSchema = z.object({ x: z.number(), y: z.number() }).strict();

export const nodeSchema = z
  .object({
    id,
    type: z.string().min(1).max(200),
    label: z.string().max(200).optional(),
    position: positionSchema.optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    policy: policySchema.optional(),
  })
  .strict();

export const edgeSchema = z
  .object({
    id,
    source: id,
    sourcePort: z.string().min(1).max(64),
    target: id,
    targetPort: z.string().min(1).max(64),
  })
  .strict();

export const settingsSchema = z
  .object({
    maxConcurrency: z.number().int().min(1).max(1024).optional(),
    nodeTimeoutMs: z.number().int().positive().optional(),
    executionTimeoutMs: nonNegativeInt.optional(),
  })
  .strict();

export const requirementSchema = z
  .object({ plugin: z.string().min(1).max(214), version: z.string().max(100).optional() })
  .strict();

export const workflowSchema = z
  .object({
    format: z.literal('weft.workflow'),
    formatVersion: z.literal(CURRENT_FORMAT_VERSION),
    name: z.string().max(200).optional(),
    description: z.string().max(10_000).optional(),
    tags: z.array(z.string().min(1).max(64)).max(100).optional(),
    settings: settingsSchema.optional(),
    nodes: z.array(nodeSchema).max(LIMITS.maxNodes, `at most ${LIMITS.maxNodes} nodes`),
    edges: z.array(edgeSchema).max(LIMITS.maxEdges, `at most ${LIMITS.maxEdges} edges`),
    requires: z.array(requirementSchema).optional(),
  })
  .strict();

export type RetryPolicy = z.infer<typeof retryPolicySchema>;
export type OnError = z.infer<typeof onErrorSchema>;
export type NodePolicy = z.infer<typeof policySchema>;
export type WorkflowNode = z.infer<typeof nodeSchema>;
export type WorkflowEdge = z.infer<typeof edgeSchema>;
export type WorkflowSettings = z.infer<typeof settingsSchema>;
export type WorkflowRequirement = z.infer<typeof requirementSchema>;
/** A workflow document (SPEC §1) that passed the shape checks. */
export type WorkflowDocument = z.infer<typeof workflowSchema>;
