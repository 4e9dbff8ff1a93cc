/**
 * A document's visible content as plain data, for comparing two docs that hold the same
 * state: every root type's live map entries and list items, nested types included, without
 * relying on the app's schema (a fuzzed room may hold roots and types the app never writes).
 */
import * as Y from 'yjs';

/** Any shared type (Yjs' event type parameter does not matter here). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SharedType = Y.AbstractType<any>;

function typeContent(type: SharedType): unknown {
  const map: Record<string, unknown> = {};
  for (const key of [...type._map.keys()].sort()) {
    const item = type._map.get(key)!;
    if (!item.deleted) map[key] = itemContent(item);
  }
  const list: unknown[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    // Item boundaries are not content: merged or split runs of text and values compare equal.
    const content = item.content;
    if (content instanceof Y.ContentString && typeof list.at(-1) === 'string') list[list.length - 1] += content.str;
    else if (content instanceof Y.ContentType || content instanceof Y.ContentFormat || content instanceof Y.ContentString) list.push(itemContent(item));
    else list.push(...content.getContent());
  }
  return { name: type instanceof Y.XmlElement ? type.nodeName : null, map, list };
}

function itemContent(item: Y.Item): unknown {
  const content = item.content;
  if (content instanceof Y.ContentType) return typeContent(content.type);
  if (content instanceof Y.ContentFormat) return { format: content.key, value: content.value };
  if (content instanceof Y.ContentString) return content.str;
  return content.getContent();
}

/** The doc's content as a JSON string (roots sorted; empty roots left out: compaction may drop them). */
export function contentOf(doc: Y.Doc): string {
  const roots: Record<string, unknown> = {};
  for (const name of [...doc.share.keys()].sort()) {
    const content = typeContent(doc.share.get(name)!) as { map: object; list: unknown[] };
    if (Object.keys(content.map).length > 0 || content.list.length > 0) roots[name] = content;
  }
  return JSON.stringify(roots);
}
