/**
 * The chair's side of the bench: "Volgend punt" as the meeting page does it (the agenda
 * rows in display order, `stepItem(keys, current, +1)`, then `setCurrentItem`), timed from
 * just before that call to each participant seeing the new item. After the last item the
 * chair picks the first one again (as clicking it on the agenda does), so rounds go on.
 */
import type * as Y from 'yjs';
import { readAgenda } from '../../../renderer/src/collab/agenda';
import { readLive, setCurrentItem } from '../../../renderer/src/collab/live';
import { readMeeting } from '../../../renderer/src/collab/readMeeting';
import type { CaseBoard } from '../../../renderer/src/domain/caseBoard';
import type { CaseId, MeetingId } from '../../../renderer/src/domain/ids';
import { OPEN_ACTIONS_ITEM, type CurrentItem } from '../../../renderer/src/domain/meetingRecords';
import { agendaRows, rowKeys } from '../../../renderer/src/features/meetings/agendaRows';
import { stepItem, type AgendaItemKey } from '../../../renderer/src/features/meetings/followState';
import { clock } from './nodeParticipants';

/** One participant's arrival in a round, on the clock it was measured with. */
export interface Arrival {
  /** Node participants: the driver's clock. Chromium pages: the page's clock (mapped afterwards). */
  at: number;
  /** Chromium pages only: after the next frame, page clock. */
  frameAt?: number;
}

/** One advance of the chair. */
export interface Round {
  index: number;
  item: AgendaItemKey;
  /** Driver clock just before `setCurrentItem`. */
  setAt: number;
  arrivals: Map<string, Arrival>;
  /** Participants that did not see the item within the timeout. */
  missing: string[];
}

/** The Dutch label the item heading ends with ("Punt n: <label>"). */
export function itemLabel(item: AgendaItemKey, labels: ReadonlyMap<CaseId, string>): string {
  return item === OPEN_ACTIONS_ITEM ? 'Openstaande acties vorig overleg' : labels.get(item) ?? item;
}

/** Drives the rounds; participants report through {@link RoundDriver.nodeSeen} and {@link RoundDriver.headingSeen}. */
export class RoundDriver {
  private pending: { round: Round; label: string; resolve(): void } | null = null;

  constructor(
    private readonly chairDoc: Y.Doc,
    private readonly meetingId: MeetingId,
    private readonly chair: string,
    private readonly boards: ReadonlyMap<CaseId, CaseBoard>,
    private readonly labels: ReadonlyMap<CaseId, string>,
    private readonly participantIds: readonly string[],
  ) {}

  /** The item "Volgend punt" puts on screen now (the first item when at the end or not started). */
  nextItem(): AgendaItemKey {
    const rows = agendaRows({
      order: readAgenda(this.chairDoc),
      canOpen: () => true,
      boards: this.boards,
      meetings: [readMeeting(this.chairDoc, this.meetingId)],
      now: new Date(),
    });
    const keys = rowKeys(rows);
    const current = readLive(this.chairDoc).currentItem;
    const next = stepItem(keys, current, 1);
    if (next === null) throw new Error('the agenda is empty');
    const first = keys[0];
    return next === current && first !== undefined ? first : next;
  }

  /** A Node participant's document observed a current item. */
  nodeSeen = (id: string, item: CurrentItem, at: number): void => {
    const pending = this.pending;
    if (!pending || item !== pending.round.item || pending.round.arrivals.has(id)) return;
    pending.round.arrivals.set(id, { at });
    this.settle();
  };

  /** A Chromium page's item heading changed. */
  headingSeen = (id: string, heading: string, domAt: number, frameAt: number): void => {
    const pending = this.pending;
    if (!pending || !heading.endsWith(`: ${pending.label}`) || pending.round.arrivals.has(id)) return;
    pending.round.arrivals.set(id, { at: domAt, frameAt });
    this.settle();
  };

  private settle(): void {
    if (this.pending && this.pending.round.arrivals.size === this.participantIds.length) this.pending.resolve();
  }

  /** One advance: sets the next item and waits until every participant saw it, or `timeoutMs`. */
  async advance(index: number, timeoutMs: number): Promise<Round> {
    const item = this.nextItem();
    const round: Round = { index, item, setAt: 0, arrivals: new Map(), missing: [] };
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve) => {
      this.pending = { round, label: itemLabel(item, this.labels), resolve };
      timer = setTimeout(resolve, timeoutMs);
    });
    round.setAt = clock();
    setCurrentItem(this.chairDoc, item, { username: this.chair });
    await done;
    clearTimeout(timer);
    this.pending = null;
    round.missing = this.participantIds.filter((id) => !round.arrivals.has(id));
    return round;
  }
}
