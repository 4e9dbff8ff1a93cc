/**
 * Fan-out over Redis pub/sub (ioredis): one channel per room, messages sealed with the data
 * key (Redis never holds case content in the clear), one connection to publish and one to
 * subscribe. Redis is a doorbell, not a store: publishing is best effort (while Redis is
 * down it fails at once rather than queueing), and after a reconnect every loaded room is
 * told to catch up from the database, where nothing was lost.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import type { ContentCipher } from '../storage/content-cipher';
import { decodeRoomMessage, encodeRoomMessage, localFanout, type Fanout, type RoomMessage } from './fanout';

const channelPrefix = 'themakamer:room:';
const sealContext = (room: string): string => `fanout\0${room}`;
/** Loading a room waits at most this long for its subscription while Redis is unreachable. */
const subscribeWaitMs = 1000;

/** Connects to Redis at `url`; resolves once both connections are up (or fails after a few seconds). */
export async function redisFanout(url: string, cipher: ContentCipher, logger: Logger): Promise<Fanout> {
  const { instance } = localFanout();
  const options = { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 1 };
  const publisher = new Redis(url, { ...options, enableOfflineQueue: false });
  const subscriber = new Redis(url, { ...options, autoResubscribe: true });
  const listeners = new Map<string, Set<(message: RoomMessage) => void>>();
  const resyncListeners = new Set<() => void>();
  let down = false;

  for (const [name, client] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
    client.on('error', (error: Error) => {
      if (!down) logger.warn('redis-unavailable', { client: name, error: error.name });
      down = true;
    });
  }
  let firstReady = true;
  subscriber.on('ready', () => {
    if (firstReady) {
      firstReady = false;
      return;
    }
    down = false;
    logger.info('redis-reconnected', {});
    // Messages published while we were away are lost: catch up from the database.
    for (const listener of resyncListeners) listener();
  });
  subscriber.on('messageBuffer', (channel: Buffer, payload: Buffer) => {
    const room = channel.toString('utf8').slice(channelPrefix.length);
    const set = listeners.get(room);
    if (!set) return;
    let message: RoomMessage;
    try {
      message = decodeRoomMessage(cipher.decrypt(payload, sealContext(room)));
    } catch (error) {
      logger.error('fanout-message-refused', { room, error: (error as Error).name });
      return;
    }
    if (message.instance === instance) return;
    for (const listener of set) listener(message);
  });

  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw new Error(`Cannot reach Redis at the given --redis-url (${(error as Error).name})`);
  }

  return {
    instance,
    shared: true,
    async subscribe(room, listener) {
      let set = listeners.get(room);
      if (!set) {
        listeners.set(room, (set = new Set()));
        const subscribed = subscriber.subscribe(channelPrefix + room).catch((error: Error) => {
          logger.warn('redis-subscribe-failed', { room, error: error.name });
        });
        // Loading must not hang on a Redis outage: the head poll covers the room meanwhile.
        await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, subscribeWaitMs).unref())]);
      }
      set.add(listener);
      return () => {
        const current = listeners.get(room);
        if (!current) return;
        current.delete(listener);
        if (current.size === 0) {
          listeners.delete(room);
          subscriber.unsubscribe(channelPrefix + room).catch(() => {});
        }
      };
    },
    publish(room, message) {
      const sealed = cipher.encrypt(encodeRoomMessage({ ...message, instance } as RoomMessage), sealContext(room));
      publisher.publish(channelPrefix + room, Buffer.from(sealed)).catch(() => {
        // Lost: receivers find the rows by seq gap or head poll.
      });
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
