// The text a field shows while the user types, kept apart from the stored value: a half-typed number
// ("1e") or JSON ("{") stays on screen with its message instead of being stored or thrown away, and
// a value changed elsewhere (undo, another window) replaces the text unless the text already means it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { sameValue, type Parsed } from '../field-value.js';

export interface Draft {
  readonly text: string;
  /** Why the text is not a value yet, or null. */
  readonly error: string | null;
  /** Shows `next`; stores it through `commit` when it reads as a value. */
  readonly edit: (next: string) => void;
}

export function useDraft(
  value: unknown,
  format: (value: unknown) => string,
  parse: (text: string) => Parsed,
  commit: (value: unknown) => void,
): Draft {
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string | null>(null);
  // Read in the effect without making it run on every keystroke.
  const latest = useRef({ text, format, parse, commit });
  latest.current = { text, format, parse, commit };

  useEffect(() => {
    const { text: shown, format: fmt, parse: read } = latest.current;
    const parsed = read(shown);
    if (parsed.ok && sameValue(parsed.value, value)) return;
    setText(fmt(value));
    setError(null);
  }, [value]);

  const edit = useCallback((next: string) => {
    setText(next);
    const parsed = latest.current.parse(next);
    if (parsed.ok) {
      setError(null);
      latest.current.commit(parsed.value);
    } else {
      setError(parsed.error);
    }
  }, []);

  return { text, error, edit };
}
