/**
 * The measures board's server calls: recording a review moment and reading the frozen copies
 * of earlier ones (docs/design.md, "`measures:<id>`"). Reuses the minutes' frozen-copy client.
 */
import { useMemo } from 'react';
import { z } from 'zod';
import type { MeasuresId } from '../../domain/ids';
import { createMinutesServer, MinutesServerError, type FrozenEntry } from '../minutes/minutesServer';
import { useLiveSession } from '../session';

/** A recorded review moment as the server answers it. */
export interface RecordedReview { id: string; version: number; createdAt: string }

/** What the board asks the server. */
export interface ImprovementsServer {
  review(room: MeasuresId): Promise<RecordedReview>;
  reviews(room: MeasuresId): Promise<FrozenEntry[]>;
  copy(id: string): Promise<Uint8Array>;
}

const reviewSchema = z.object({ id: z.string(), version: z.number().int().min(1), createdAt: z.string() });

/** The board's server calls with this session's token. */
export function useImprovementsServer(): ImprovementsServer {
  const live = useLiveSession();
  return useMemo(() => {
    const token = async () => (await live.vault.loadSession())?.token ?? null;
    const frozen = createMinutesServer({ serverUrl: live.serverUrl, token });
    return {
      async review(room) {
        let response: Response;
        try {
          const bearer = await token();
          response = await fetch(`${live.serverUrl}/api/measures/${encodeURIComponent(room)}/review`, {
            method: 'POST',
            headers: bearer === null ? {} : { Authorization: `Bearer ${bearer}` },
            credentials: 'omit',
            cache: 'no-store',
          });
        } catch {
          throw new MinutesServerError('offline', 0);
        }
        if ([401, 403, 404].includes(response.status)) throw new MinutesServerError('no-access', response.status);
        if (!response.ok) throw new MinutesServerError(response.status >= 502 ? 'offline' : 'server', response.status);
        const parsed = reviewSchema.safeParse(await response.json().catch(() => null));
        if (!parsed.success) throw new MinutesServerError('server', response.status);
        return parsed.data;
      },
      reviews: async (room) => (await frozen.frozenList(room)).sort((a, b) => b.version - a.version),
      copy: (id) => frozen.frozenCopy(id),
    };
  }, [live]);
}
