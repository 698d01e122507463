// Element ids of the inspector's inputs, so that a problem's path can lead to its field. Pure.

/** The id of a field's input: `param-field-url`, `policy-field-maxAttempts`. */
export function fieldElementId(scope: string, name: string): string {
  return `${scope}-field-${name}`;
}

/** The input a node-relative problem path points into (`params.url`, `policy.retry.maxAttempts`). */
export function fieldIdOf(pathInNode: string): string | null {
  const param = /^params(?:\.([A-Za-z_$][\w$]*)|\["((?:[^"\\]|\\.)*)"\])/.exec(pathInNode);
  if (param) return fieldElementId('param', param[1] ?? (JSON.parse(`"${param[2]}"`) as string));
  const policy = /^policy\.(?:retry\.)?([A-Za-z]+)/.exec(pathInNode);
  return policy ? fieldElementId('policy', policy[1]!) : null;
}
