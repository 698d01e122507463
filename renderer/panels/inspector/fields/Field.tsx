// One field of the inspector's forms: its label (title, key, required mark), a "template" marker when
// its value is a `{{ … }}` template, the "use expression" switch for typed fields, a reset, the input
// that suits its kind, its message and its help text.
import { useState, type ReactNode } from 'react';
import { containsTemplate } from '../field-check.js';
import { fieldElementId } from '../field-ids.js';
import type { FieldSpec } from '../field-spec.js';
import {
  fromExpression,
  offersExpression,
  sameValue,
  showsExpression,
  toExpression,
} from '../field-value.js';
import type { ControlProps } from './control-props.js';
import { ExpressionInput, MixedInput, StringInput, TextArea } from './TextControls.js';
import { BooleanInput, EnumSelect, JsonInput, NumberInput } from './TypedControls.js';

function Control(
  p: ControlProps & { readonly expression: boolean; readonly enumLabels?: ReadonlyMap<unknown, string> },
) {
  if (p.expression) return <ExpressionInput {...p} />;
  switch (p.spec.kind) {
    case 'string':
      return <StringInput {...p} />;
    case 'text':
      return <TextArea {...p} />;
    case 'code':
      return <TextArea {...p} code />;
    case 'number':
      return <NumberInput {...p} />;
    case 'boolean':
      return <BooleanInput {...p} />;
    case 'enum':
      return <EnumSelect {...p} {...(p.enumLabels ? { labels: p.enumLabels } : {})} />;
    case 'mixed':
      return <MixedInput {...p} />;
    case 'json':
      return <JsonInput {...p} />;
  }
}

export interface FieldProps {
  readonly spec: FieldSpec;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  /** What is wrong with the stored value, or null. */
  readonly problem: string | null;
  /** `data-testid` of the input; `param-<name>` for params. */
  readonly testId: string;
  /** Prefix of the field's other test ids and element ids (`param`, `policy`). */
  readonly scope: string;
  readonly enumLabels?: ReadonlyMap<unknown, string>;
  /** Extra content under the input (e.g. the output ports a fallback may name). */
  readonly children?: ReactNode;
}

export function Field({ spec, value, onChange, problem, testId, scope, enumLabels, children }: FieldProps) {
  const [focusInput, setFocusInput] = useState(false);
  const inputId = fieldElementId(scope, spec.name);
  const messageId = `${inputId}-message`;
  const expression = showsExpression(spec, value);
  const template = spec.templatable && containsTemplate(value);
  // Optional fields clear back to their default; required ones with a default can return to it.
  const reset =
    value === undefined
      ? null
      : !spec.required
        ? { label: spec.hasDefault ? 'Reset to the default' : 'Clear', to: undefined }
        : spec.hasDefault && !sameValue(value, spec.defaultValue)
          ? { label: 'Reset to the default', to: spec.defaultValue }
          : null;

  return (
    <div className={`field${problem ? ' has-problem' : ''}${spec.known ? '' : ' unknown-field'}`}>
      <div className="field-head">
        <label htmlFor={inputId}>
          {spec.title}
          {spec.required && (
            <span className="required" aria-label="required">
              {' '}
              *
            </span>
          )}
        </label>
        {/* The key too, when the title does not already say it (templates and JSON use keys). */}
        {spec.title.toLowerCase() !== spec.name.toLowerCase() && (
          <span className="field-key mono">{spec.name}</span>
        )}
        {template && (
          <span
            className="template-marker"
            data-testid={`template-marker-${spec.name}`}
            title="A template: its {{ … }} parts are evaluated when the node runs"
          >
            template
          </span>
        )}
        <span className="ui-spacer" />
        {offersExpression(spec) && (
          <button
            type="button"
            className={`field-action expression-toggle${expression ? ' on' : ''}`}
            aria-pressed={expression}
            data-testid={`expression-toggle-${spec.name}`}
            title={expression ? 'Use a plain value' : 'Use an expression ({{ … }}) for this value'}
            onClick={() => {
              if (expression) {
                onChange(fromExpression(value as string, spec));
              } else {
                setFocusInput(true);
                onChange(toExpression(value));
              }
            }}
          >
            ƒx
          </button>
        )}
        {reset && (
          <button
            type="button"
            className="field-action"
            title={reset.label}
            aria-label={`${reset.label}: ${spec.title}`}
            onClick={() => onChange(reset.to)}
          >
            ↺
          </button>
        )}
      </div>
      <Control
        spec={spec}
        value={value}
        onChange={onChange}
        inputId={inputId}
        testId={testId}
        describedBy={problem ? messageId : undefined}
        invalid={problem !== null}
        expression={expression}
        autoFocus={focusInput && expression}
        {...(enumLabels ? { enumLabels } : {})}
      />
      {problem && (
        <span className="field-problem" id={messageId} data-testid={`problem-${scope}-${spec.name}`}>
          {problem}
        </span>
      )}
      {children}
      {spec.description && <span className="field-help">{spec.description}</span>}
    </div>
  );
}
