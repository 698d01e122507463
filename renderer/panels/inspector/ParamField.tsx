// One param's input (`data-testid="param-<name>"`): text, number, checkbox, a select for an enum, or
// JSON text that is applied once it parses. An emptied optional field removes the param.
import { useEffect, useRef, useState } from 'react';
import type { ParamInfo } from './param-kinds.js';

interface Props {
  readonly info: ParamInfo;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
}

function sameJson(text: string, value: unknown): boolean {
  if (text.trim() === '') return value === undefined;
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

function JsonField({ info, value, onChange }: Props) {
  const shown = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // Undo (or anything else) changed the value: show it, unless the text being typed already means it.
  const textRef = useRef(text);
  textRef.current = text;
  useEffect(() => {
    if (sameJson(textRef.current, value)) return;
    setText(shown);
    setError(null);
  }, [shown, value]);
  return (
    <>
      <textarea
        id={`param-${info.name}`}
        data-testid={`param-${info.name}`}
        className={`param-input mono${error ? ' invalid' : ''}`}
        rows={Math.min(10, Math.max(2, text.split('\n').length))}
        spellCheck={false}
        value={text}
        aria-invalid={error !== null}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '') {
            setError(null);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(next) as unknown);
            setError(null);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      />
      {error && <span className="param-error">Not JSON yet: {error}</span>}
    </>
  );
}

export function ParamField(props: Props) {
  const { info, value, onChange } = props;
  const id = `param-${info.name}`;
  if (info.enumValues && info.kind === 'string') {
    return (
      <select
        id={id}
        data-testid={id}
        className="param-input"
        value={String(value ?? '')}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">—</option>
        {info.enumValues.map((v) => (
          <option key={String(v)} value={String(v)}>
            {String(v)}
          </option>
        ))}
      </select>
    );
  }
  switch (info.kind) {
    case 'boolean':
      return (
        <input
          id={id}
          data-testid={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    case 'number':
      return (
        <input
          id={id}
          data-testid={id}
          type="number"
          className="param-input"
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => {
            // A half-typed number ("-", "1e") reads as NaN: keep the last good value meanwhile.
            if (e.target.value === '') onChange(undefined);
            else if (!Number.isNaN(e.target.valueAsNumber)) onChange(e.target.valueAsNumber);
          }}
        />
      );
    case 'string':
      return (
        <input
          id={id}
          data-testid={id}
          type="text"
          className="param-input"
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'text':
      return (
        <textarea
          id={id}
          data-testid={id}
          className="param-input mono"
          rows={6}
          spellCheck={false}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'json':
      return <JsonField {...props} />;
  }
}
