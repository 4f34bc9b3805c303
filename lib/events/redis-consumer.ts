import type Redis from 'ioredis';
import type { Consumer, EventHandler } from './bus';
import { closeConnection, decodeEntry, describeError, entriesOf, type StreamEntry, type StreamReply } from './redis-stream';
import { Abandon, Alarm, Backoff } from './timing';

export interface RedisConsumerConfig {
  /** The consumer's own connection: its blocking reads hold it. */
  conn: Redis;
  /** A connection of the bus, to interrupt a blocking read on stop (`CLIENT UNBLOCK`). */
  control: Redis;
  stream: string;
  group: string;
  name: string;
  handler: EventHandler;
  /** Entries pending this long at another consumer are taken over (that consumer is taken for dead). */
  claimIdleMs: number;
  /** Longest wait of one blocking read. */
  blockMs: number;
}

const BATCH = 100;

/**
 * One member of a consumer group. Each loop turn first re-handles this consumer's own pending entries (read
 * with id `0`: delivered before but not acknowledged, e.g. after a failure or a restart under the same name),
 * now and then takes over entries idle at dead consumers (XAUTOCLAIM), otherwise waits for new entries (`>`).
 * An entry is acknowledged only after its handler resolved; a failing one stays pending and is handed to the
 * handler again after a backoff, so it is retried, never skipped, and the entries after it wait (order).
 */
export class RedisConsumer implements Consumer {
  private stopping = false;
  /** The blocking read in flight and the id of the connection it blocks, to unblock it on stop. */
  private blocked?: Promise<number | undefined>;
  private readonly alarm = new Alarm();
  /** Every command of the loop is awaited through it, so that a stop while Redis is down does not hang. */
  private readonly abandon = new Abandon();
  private readonly backoff = new Backoff(100, 5000);
  private readonly claimEveryMs: number;
  private readonly done: Promise<void>;

  constructor(private readonly c: RedisConsumerConfig) {
    this.claimEveryMs = Math.min(15_000, Math.max(50, Math.floor(c.claimIdleMs / 2)));
    this.done = this.run().finally(() => closeConnection(c.conn));
  }

  async stop(): Promise<void> {
    if (!this.stopping) {
      this.stopping = true;
      this.alarm.interrupt();
      if (this.c.conn.status === 'ready') {
        void this.unblock();
      } else {
        // Redis is unreachable: whatever command is pending cannot complete; give it up, drop the connection
        this.abandon.abort();
        this.c.conn.disconnect();
      }
    }
    await this.done;
  }

  private async run(): Promise<void> {
    let groupExists = false;
    let ownPending = true;
    let lastClaim = 0;
    let claimCursor = '0-0';
    while (!this.stopping) {
      try {
        let entries: StreamEntry[];
        if (!groupExists) {
          await this.createGroup();
          groupExists = true;
          continue;
        }
        if (ownPending) {
          entries = entriesOf(await this.read('0'));
          ownPending = entries.length > 0;
        } else if (Date.now() - lastClaim >= this.claimEveryMs) {
          const [next, claimed] = (await this.abandon.race(this.c.conn.xautoclaim(this.c.stream, this.c.group, this.c.name, this.c.claimIdleMs, claimCursor, 'COUNT', BATCH))) as [string, StreamEntry[]];
          // a scan that has not reached the end goes on next turn
          lastClaim = next === '0-0' ? Date.now() : 0;
          claimCursor = next;
          entries = claimed;
        } else {
          entries = entriesOf(await this.blockingRead());
        }
        if (await this.handleAll(entries)) {
          this.backoff.reset();
        } else {
          ownPending = true;
          await this.alarm.sleep(this.backoff.next());
        }
      } catch (err) {
        if (this.stopping) break;
        console.error(`Consumer ${this.c.name} of ${this.c.group}: ${describeError(err)}; retrying`);
        // the stream (and its groups) can vanish, e.g. a Redis restarted without persistence: make them again
        if (/^(NOGROUP|UNBLOCKED)/.test(describeError(err))) groupExists = false;
        ownPending = true;
        await this.alarm.sleep(this.backoff.next());
      }
    }
  }

  /** Handles entries in order, acknowledging each; false at the first failure (it and the rest stay pending). */
  private async handleAll(entries: StreamEntry[]): Promise<boolean> {
    for (const entry of entries) {
      // stop ends the loop after the event in hand; the rest stay pending here until this name comes back
      // or another consumer claims them
      if (this.stopping) return true;
      const event = decodeEntry(entry);
      if (event) {
        try {
          await this.c.handler(event);
        } catch (err) {
          console.error(`Consumer ${this.c.name} of ${this.c.group} failed on event ${event.eventId} (${event.type}): ${describeError(err)}; it will be retried`);
          return false;
        }
      }
      await this.abandon.race(this.c.conn.xack(this.c.stream, this.c.group, entry[0]));
    }
    return true;
  }

  private async read(id: string): Promise<StreamReply> {
    return (await this.abandon.race(this.c.conn.xreadgroup('GROUP', this.c.group, this.c.name, 'COUNT', BATCH, 'STREAMS', this.c.stream, id))) as StreamReply;
  }

  private async blockingRead(): Promise<StreamReply> {
    // CLIENT ID goes out just before the read on the same connection, so it answers before the read blocks
    this.blocked = this.c.conn.client('ID').then(Number, () => undefined);
    try {
      const blockMs = Math.min(this.c.blockMs, this.claimEveryMs);
      const read = this.c.conn.xreadgroup('GROUP', this.c.group, this.c.name, 'COUNT', BATCH, 'BLOCK', blockMs, 'STREAMS', this.c.stream, '>');
      return (await this.abandon.race(read)) as StreamReply;
    } finally {
      this.blocked = undefined;
    }
  }

  /**
   * Ends a blocking read at once: an unblocked XREADGROUP answers like a timeout and hands out nothing, so no
   * entry is left delivered but unhandled (as a disconnect in mid-read could). If the read has not started
   * blocking yet, tries again shortly; the read's short BLOCK bounds the wait anyway.
   */
  private async unblock(): Promise<void> {
    for (let attempt = 0; attempt < 50 && this.blocked; attempt += 1) {
      const id = await this.blocked;
      if (id !== undefined) {
        const unblocked = await this.c.control.client('UNBLOCK', id).catch(() => 0);
        if (unblocked === 1) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** XGROUP CREATE ... 0 MKSTREAM: a new group starts at the beginning of the stream. */
  private async createGroup(): Promise<void> {
    try {
      await this.abandon.race(this.c.conn.xgroup('CREATE', this.c.stream, this.c.group, 0, 'MKSTREAM'));
    } catch (err) {
      if (!describeError(err).startsWith('BUSYGROUP')) throw err;
    }
  }
}
