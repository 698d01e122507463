// A JSON viewer that copes with big values: small ones open fully, big ones open one level with their
// children collapsed, containers list 100 children at a time and long strings are cut, each with a
// "show more". Expanded, the text content is the value's JSON (toggles and array indices are drawn by
// CSS), so what a test or a copy reads is the value itself.
import { memo, useState, type MouseEvent } from 'react';
import './json-view.css';
import { childrenOf, isContainer, isSmallValue, kindOf, leafText, sizeOf, summaryOf } from './json-view-model.js';

/** Children listed per "show more". */
const PAGE = 100;
/** Characters of a string shown before its "show more". */
const STRING_CUT = 400;

interface EntryProps {
  /** The key in its parent object (quoted), the index in its parent array (drawn by CSS), or none. */
  readonly name?: { readonly key: string; readonly inArray: boolean } | undefined;
  readonly value: unknown;
  readonly depth: number;
  readonly last: boolean;
  /** Containers shallower than this start open. */
  readonly openDepth: number;
}

function Key({ name }: { name: EntryProps['name'] }) {
  if (!name) return null;
  if (name.inArray) return <span className="jv-index" data-index={name.key} />;
  return (
    <>
      <span className="jv-key">{JSON.stringify(name.key)}</span>
      {': '}
    </>
  );
}

function Comma({ last }: { last: boolean }) {
  return last ? null : <span className="jv-punct">,</span>;
}

function Leaf({ name, value, depth, last }: EntryProps) {
  const [full, setFull] = useState(false);
  const { text, cut } = leafText(value, full ? Infinity : STRING_CUT);
  return (
    <div className="jv-line" style={{ paddingLeft: indent(depth) }}>
      <Key name={name} />
      <span className={`jv-${kindOf(value)}`}>{text}</span>
      <Comma last={last} />
      {cut > 0 && (
        <button type="button" className="jv-more" onClick={() => setFull(true)}>
          show {cut.toLocaleString()} more characters
        </button>
      )}
    </div>
  );
}

const Container = memo(function Container({ name, value, depth, last, openDepth }: EntryProps) {
  const [open, setOpen] = useState(depth < openDepth);
  // Shift-click opens everything below too; remembered so children mount open.
  const [childOpenDepth, setChildOpenDepth] = useState(openDepth);
  const [limit, setLimit] = useState(PAGE);
  const array = Array.isArray(value);
  const [openBrace, closeBrace] = array ? ['[', ']'] : ['{', '}'];
  const size = sizeOf(value);

  if (size === 0) {
    return (
      <div className="jv-line" style={{ paddingLeft: indent(depth) }}>
        <Key name={name} />
        <span className="jv-punct">{openBrace + closeBrace}</span>
        <Comma last={last} />
      </div>
    );
  }

  const toggle = (e: MouseEvent) => {
    if (e.shiftKey) setChildOpenDepth(Infinity);
    setOpen(!open || e.shiftKey);
  };
  const page = open ? childrenOf(value, limit) : null;
  return (
    <>
      <div className="jv-line" style={{ paddingLeft: indent(depth) }}>
        <button
          type="button"
          className="jv-toggle"
          aria-expanded={open}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${name ? name.key : 'value'}`}
          title="Shift-click: expand everything below"
          onClick={toggle}
        />
        <Key name={name} />
        {open ? (
          <span className="jv-punct">{openBrace}</span>
        ) : (
          <>
            <button type="button" className="jv-summary" onClick={toggle}>
              {summaryOf(value)}
            </button>
            <Comma last={last} />
          </>
        )}
      </div>
      {page && (
        <>
          {page.entries.map(([key, child], i) => (
            <Entry
              key={key}
              name={{ key, inArray: array }}
              value={child}
              depth={depth + 1}
              last={i === page.entries.length - 1 && page.remaining === 0}
              openDepth={childOpenDepth}
            />
          ))}
          {page.remaining > 0 && (
            <div className="jv-line" style={{ paddingLeft: indent(depth + 1) }}>
              <button type="button" className="jv-more" onClick={() => setLimit(limit + PAGE)}>
                show {Math.min(PAGE, page.remaining)} more of {page.remaining.toLocaleString()}
              </button>
            </div>
          )}
          <div className="jv-line" style={{ paddingLeft: indent(depth) }}>
            <span className="jv-punct">{closeBrace}</span>
            <Comma last={last} />
          </div>
        </>
      )}
    </>
  );
});

function Entry(props: EntryProps) {
  return isContainer(props.value) ? <Container {...props} /> : <Leaf {...props} />;
}

function indent(depth: number): number {
  // The toggle column (14 px) is drawn in the padding of containers' lines.
  return 14 + depth * 14;
}

export function JsonView({ value, testId }: { value: unknown; testId?: string }) {
  // Small values open whole (what a test or a glance wants); big ones show their first level.
  const [openDepth] = useState(() => (isSmallValue(value) ? Infinity : 1));
  return (
    <div className="json-view" data-testid={testId}>
      <Entry value={value} depth={0} last openDepth={openDepth} />
    </div>
  );
}
