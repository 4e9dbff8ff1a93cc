/**
 * Document shapes the server enforces per room kind. A client update that leaves a room's
 * document in another shape is refused like one that fails to apply: nothing of it is stored
 * or relayed, the room reloads from storage and the sender is closed with 4400.
 *
 * Today only the region's improvement-measures board (`measures:<id>`) has one: it is read by
 * every user with a case role, so a malformed entry must not reach them. Its check walks the
 * whole (small) document after each client update; see docs/design.md, "`measures:<id>`".
 */
import type * as Y from 'yjs';
import { improvementsShapeProblem } from '../../../renderer/src/collab/improvements';
import { isMeasuresRoom } from '../access/names';

/** Why a document does not have its room's shape (a code for logs), or null. */
export type ShapeCheck = (doc: Y.Doc) => string | null;

/** The check of a room's document, or null when its kind has none. */
export function shapeCheckFor(room: string): ShapeCheck | null {
  return isMeasuresRoom(room) ? improvementsShapeProblem : null;
}

/** Thrown inside an apply when the result has the wrong shape. */
export class ShapeRefused extends Error {
  override name = 'ShapeRefused';
  constructor(readonly problem: string) {
    super(problem);
  }
}
