/**
 * The document of a case's restricted part (`part:<id>`, docs/design.md, "Restricted parts"):
 * one rich-text body, a Y.XmlFragment under the root `body`, edited with the safety plan's
 * section editor. Nothing else: the part's title and organisations live on the server, so a
 * member of the case who may not open the part learns them without any of its bytes.
 */
import type * as Y from 'yjs';

/** The root that holds a part's text. */
export const partBodyKey = 'body';

/** The part's text (created on first use; every peer names the same root). */
export function partBody(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(partBodyKey);
}
