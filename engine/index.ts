/**
 * The engine's public face: the workflow model, validation, expressions and the executor. Pure
 * TypeScript: no host I/O. The host hands in node types (a registry) and, optionally, a clock.
 */
export * from './model/limits.js';
export * from './model/problem.js';
export * from './model/document.js';
export * from './model/node-type.js';
export * from './model/migrate.js';
export * from './model/graph.js';
export * from './events.js';
export * from './run/errors.js';
export * from './run/record.js';
export * from './run/types.js';
export { parseWorkflowJson, validateWorkflow, type ValidationResult } from './validate/validate.js';
export { compileWorkflow, type CompiledWorkflow } from './run/compile.js';
export { startRun, runWorkflow } from './run/run.js';
export { retryDelayMs, resolveRetry, type ResolvedRetry } from './run/retry-policy.js';
export { isTemplate, ExpressionError } from './expr/template.js';
