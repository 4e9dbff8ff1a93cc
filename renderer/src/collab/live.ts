/**
 * Meeting mode: the chair sets the current agenda item, every screen follows. Followers
 * observe `live`; the chair's own client ignores its own changes (origin chairControl).
 */
import type * as Y from 'yjs';
import { isId } from '../domain/ids';
import { OPEN_ACTIONS_ITEM, type CurrentItem, type MeetingLive } from '../domain/meetingRecords';
import { isoDateTimeSchema } from '../domain/schemaParts';
import { DomainError } from '../domain/errors';
import { editTime, type EditContext } from './editContext';
import { meetingDoc } from './meetingDoc';
import { origins, type Origin } from './origins';

function isCurrentItem(value: unknown): value is Exclude<CurrentItem, null> {
  return value === OPEN_ACTIONS_ITEM || isId('case', value);
}

const time = (value: unknown) => (typeof value === 'string' && isoDateTimeSchema.safeParse(value).success ? value : null);

/** The live state; malformed values read as "not set". */
export function readLive(doc: Y.Doc): MeetingLive {
  const live = meetingDoc(doc).live;
  const item = live.get('currentItem');
  return {
    currentItem: isCurrentItem(item) ? item : null,
    itemStartedAt: time(live.get('itemStartedAt')),
    startedAt: time(live.get('startedAt')),
  };
}

/** The chair puts an item on every screen; the item timer restarts, the meeting timer starts once. */
export function setCurrentItem(doc: Y.Doc, item: Exclude<CurrentItem, null>, context: EditContext): void {
  if (!isCurrentItem(item)) throw new DomainError('id-invalid', 'currentItem');
  const at = editTime(context);
  const live = meetingDoc(doc).live;
  doc.transact(() => {
    live.set('currentItem', item);
    live.set('itemStartedAt', at);
    if (time(live.get('startedAt')) === null) live.set('startedAt', at);
  }, origins.chairControl);
}

/** Calls `listener` when the current item changes, except for changes made with `ignoreOrigin`. */
export function onCurrentItemChange(
  doc: Y.Doc,
  listener: (live: MeetingLive) => void,
  ignoreOrigin: Origin | null = origins.chairControl,
): () => void {
  const live = meetingDoc(doc).live;
  const observer = (event: Y.YMapEvent<unknown>) => {
    if (ignoreOrigin !== null && event.transaction.origin === ignoreOrigin) return;
    if (event.keysChanged.has('currentItem') || event.keysChanged.has('itemStartedAt')) listener(readLive(doc));
  };
  live.observe(observer);
  return () => live.unobserve(observer);
}
