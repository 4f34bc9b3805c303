/** What the Redis bus and its consumers share: how events sit in a stream entry, connections, logging. */
import type Redis from 'ioredis';
import type { BusEvent } from './bus';

/** The field of a stream entry holding the event as JSON (`XADD <stream> * e <json>`). */
export const EVENT_FIELD = 'e';

/** An entry as XREAD, XREADGROUP and XAUTOCLAIM return it; `fields` is null for an entry trimmed meanwhile. */
export type StreamEntry = [id: string, fields: string[] | null];
export type StreamReply = [stream: string, entries: StreamEntry[]][] | null;

/** The event of an entry, or undefined (logged) when the entry is gone or not one of ours. */
export function decodeEntry([id, fields]: StreamEntry): BusEvent | undefined {
  const at = fields ? fields.indexOf(EVENT_FIELD) : -1;
  if (!fields || at < 0 || at % 2 !== 0) {
    console.error(`Stream entry ${id} holds no event; skipped`);
    return undefined;
  }
  try {
    return JSON.parse(fields[at + 1]) as BusEvent;
  } catch {
    console.error(`Stream entry ${id} holds malformed JSON; skipped`);
    return undefined;
  }
}

/** The entries of the one stream a reply is about. */
export function entriesOf(reply: StreamReply): StreamEntry[] {
  return reply?.[0]?.[1] ?? [];
}

/**
 * Logs a connection's errors without repeating the same one on every reconnect attempt while Redis is down
 * (ioredis reconnects by itself; without an `error` listener it would print "Unhandled error event").
 */
export function logConnectionErrors(conn: Redis, label: string): void {
  let last = '';
  conn.on('error', (err: Error) => {
    if (err.message === last) return;
    last = err.message;
    console.error(`Redis (${label}): ${err.message}`);
  });
  conn.on('ready', () => { last = ''; });
}

/** Closes a connection: politely when it is up, at once otherwise (a QUIT would wait for a reconnect). */
export async function closeConnection(conn: Redis): Promise<void> {
  if (conn.status === 'end') return;
  if (conn.status !== 'ready') {
    conn.disconnect();
    return;
  }
  try {
    await conn.quit();
  } catch {
    conn.disconnect();
  }
}

export const describeError = (err: unknown): string => (err instanceof Error ? err.message : String(err));
