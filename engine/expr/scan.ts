/** One `{{ … }}` found in a string: where it sits and the expression inside it. */
export interface TemplatePart {
  /** Offset of the opening `{{` in the string. */
  readonly start: number;
  /** Offset just after the closing `}}`. */
  readonly end: number;
  /** The expression text between the braces, untrimmed. */
  readonly expression: string;
  /** Offset of the expression's first character in the string. */
  readonly expressionStart: number;
}

/**
 * Finds the `{{ … }}` parts of a string. The scan respects JSONata string literals and nested braces,
 * so `{{ {"a": "}}"} }}` is one part. Returns null when an opening `{{` is never closed.
 */
export function scanTemplate(text: string): TemplatePart[] | null {
  const parts: TemplatePart[] = [];
  let i = text.indexOf('{{');
  while (i !== -1) {
    const exprStart = i + 2;
    let depth = 0;
    let quote = '';
    let j = exprStart;
    let end = -1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote !== '') {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0 && text[j + 1] === '}') {
          end = j;
          break;
        }
        if (depth > 0) depth--;
      }
    }
    if (end === -1) return null;
    parts.push({ start: i, end: end + 2, expression: text.slice(exprStart, end), expressionStart: exprStart });
    i = text.indexOf('{{', end + 2);
  }
  return parts;
}
