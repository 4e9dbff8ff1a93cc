import { Fragment, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import * as Y from 'yjs';

/** A fragment's change counter as a store: the preview re-renders on every change of its text. */
function fragmentVersion(fragment: Y.XmlFragment) {
  let version = 0;
  return {
    subscribe(listener: () => void) {
      const onChange = (): void => {
        version++;
        listener();
      };
      fragment.observeDeep(onChange);
      return () => fragment.unobserveDeep(onChange);
    },
    getSnapshot: () => version,
  };
}

const isMark = (value: unknown): boolean => value !== undefined && value !== null && value !== false;

function inline(text: Y.XmlText, key: string): ReactNode[] {
  return (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).map((op, index) => {
    if (typeof op.insert !== 'string') return null;
    let node: ReactNode = op.insert;
    if (isMark(op.attributes?.italic)) node = <em>{node}</em>;
    if (isMark(op.attributes?.bold)) node = <strong>{node}</strong>;
    return <Fragment key={`${key}.${index}`}>{node}</Fragment>;
  });
}

function nodes(children: readonly (Y.XmlElement | Y.XmlText | Y.XmlHook)[], key: string): ReactNode[] {
  return children.map((child, index) => {
    const childKey = `${key}.${index}`;
    if (child instanceof Y.XmlText) return inline(child, childKey);
    if (!(child instanceof Y.XmlElement)) return null;
    const inner = nodes(child.toArray(), childKey);
    // Shown like the editor shows it (neverExport.ts): marked, never exported.
    const never = (child.getAttribute('neverExport') as unknown) === true ? { 'data-never-export': '' } : {};
    switch (child.nodeName) {
      case 'paragraph':
        // An empty paragraph keeps its line, as ProseMirror's trailing break does.
        return <p key={childKey} {...never}>{child.toArray().every((part) => part instanceof Y.XmlText && part.length === 0) ? <br /> : inner}</p>;
      case 'heading':
        return <h4 key={childKey} {...never}>{inner}</h4>;
      case 'bulletList':
        return <ul key={childKey} {...never}>{inner}</ul>;
      case 'orderedList': {
        const start = Number(child.getAttribute('start') ?? 1);
        return <ol key={childKey} start={Number.isFinite(start) ? start : 1} {...never}>{inner}</ol>;
      }
      case 'listItem':
        return <li key={childKey}>{inner}</li>;
      case 'hardBreak':
        return <br key={childKey} />;
      case 'blockquote':
        return <blockquote key={childKey}>{inner}</blockquote>;
      default:
        // Unknown nodes degrade to their text, as the rest of the app reads them.
        return <p key={childKey}>{inner}</p>;
    }
  });
}

/**
 * A section's text as plain HTML, shaped and styled as the editor will show it, while its
 * editor is not mounted yet. Opening a case with a long plan paints the text at once and
 * mounts the eight editors one per frame afterwards (see SafetyPlanPanel). Follows remote
 * changes; the first pointer press on it asks for its editor straight away.
 */
export function PlanSectionPreview({ fragment, section, onWake }: { fragment: Y.XmlFragment; section?: string; onWake(): void }) {
  const store = useMemo(() => fragmentVersion(fragment), [fragment]);
  const version = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const content = useMemo(() => nodes(fragment.toArray(), 'n'), [fragment, version]); // eslint-disable-line react-hooks/exhaustive-deps -- version marks a change inside the fragment
  return (
    <div className="plan-section__editor plan-section__editor--preview" onPointerDown={onWake}>
      <div className="tiptap ProseMirror plan-section__content" data-section={section}>{content}</div>
    </div>
  );
}
