import os from 'node:os';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { envInt } from '../config';
import type { BusEvent, ConsumeOptions, Consumer, EventBus, EventHandler, LiveListener } from './bus';
import { LiveListeners } from './listeners';
import { RedisConsumer } from './redis-consumer';
import { closeConnection, decodeEntry, describeError, entriesOf, EVENT_FIELD, logConnectionErrors, type StreamReply } from './redis-stream';
import { Abandon, Alarm, Backoff } from './timing';

export interface RedisBusOptions {
  /** Prefix of every key of this bus (the stream is `<prefix>events`); default REDIS_PREFIX or `licensing:`. */
  prefix?: string;
  /** Approximate length the stream is trimmed to on append; default REDIS_STREAM_MAXLEN or 1,000,000. */
  maxLen?: number;
  /** How long an entry stays pending at a consumer before another one takes it over; default REDIS_CLAIM_IDLE_MS or 30 s. */
  claimIdleMs?: number;
  /** Longest wait of one blocking read (bounds how long a stop can take); default 1 s. */
  blockMs?: number;
}

/**
 * The bus over one Redis stream (`<prefix>events`): `publish` appends with XADD, consumer groups read it with
 * XREADGROUP (durable, acknowledged, taken over from dead consumers), and live listeners of every instance
 * read it with XREAD from the position they started at (fan-out across any number of processes).
 * Connections: one for commands, one per consumer and one for the live loop while anyone listens (blocking
 * reads hold their connection).
 */
export class RedisBus implements EventBus {
  readonly kind = 'redis';
  readonly prefix: string;
  readonly stream: string;
  private readonly main: Redis;
  private readonly maxLen: number;
  private readonly claimIdleMs: number;
  private readonly blockMs: number;
  private readonly listeners = new LiveListeners();
  private readonly consumers = new Set<Consumer>();
  private live?: LiveLoop;
  private closed = false;
  /** Commands of the command connection, given up at close when Redis is unreachable. */
  private readonly abandon = new Abandon();

  constructor(url: string, opts: RedisBusOptions = {}) {
    this.prefix = opts.prefix ?? process.env.REDIS_PREFIX ?? 'licensing:';
    this.stream = `${this.prefix}events`;
    this.maxLen = opts.maxLen ?? envInt('REDIS_STREAM_MAXLEN', 1_000_000);
    this.claimIdleMs = opts.claimIdleMs ?? envInt('REDIS_CLAIM_IDLE_MS', 30_000);
    this.blockMs = opts.blockMs ?? 1000;
    // Named connections: `CLIENT LIST` shows what each one is for. While Redis is unreachable a command fails
    // after a few reconnect attempts rather than waiting: the relay and the loops retry with their own backoff.
    // A short disconnectTimeout: ioredis keeps a timer that long after disconnecting a socket that never connected.
    this.main = new Redis(url, { lazyConnect: true, connectionName: `${this.prefix}bus`, maxRetriesPerRequest: 3, disconnectTimeout: 500 });
    logConnectionErrors(this.main, 'bus');
  }

  async publish(events: readonly BusEvent[]): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    if (events.length === 0) return;
    // one MULTI: the events are appended in order, all or none
    const tx = this.main.multi();
    for (const event of events) tx.xadd(this.stream, 'MAXLEN', '~', this.maxLen, '*', EVENT_FIELD, JSON.stringify(event));
    const replies = await this.abandon.race(tx.exec());
    if (!replies) throw new Error('Publishing to Redis was aborted');
    const failed = replies.find(([err]) => err);
    if (failed) throw failed[0];
  }

  listen(listener: LiveListener): () => void {
    if (this.closed) throw new Error('The event bus is closed');
    const remove = this.listeners.add(listener);
    if (!this.live) this.live = this.startLiveLoop();
    return () => {
      if (!remove() || this.listeners.size > 0) return;
      void this.live?.stop();
      this.live = undefined;
    };
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  /**
   * Resolves once the live loop knows where it starts, so that every event appended from then on, by any
   * instance, reaches this instance's listeners (events of this instance are ordered after it anyway).
   */
  async listening(): Promise<void> {
    await this.live?.started;
  }

  consume(group: string, handler: EventHandler, opts: ConsumeOptions = {}): Consumer {
    if (this.closed) throw new Error('The event bus is closed');
    const name = opts.consumer ?? `${os.hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    const conn = this.main.duplicate({ connectionName: `${this.prefix}consumer:${group}:${name}` });
    logConnectionErrors(conn, `consumer ${group}/${name}`);
    const consumer = new RedisConsumer({ conn, control: this.main, stream: this.stream, group, name, handler, claimIdleMs: this.claimIdleMs, blockMs: this.blockMs });
    this.consumers.add(consumer);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    const live = this.live;
    this.live = undefined;
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.all([live?.stop(), ...consumers.map((c) => c.stop())]);
    // when Redis is up, QUIT waits for the replies of commands in flight; when it is down, they cannot come
    if (this.main.status !== 'ready') this.abandon.abort();
    await closeConnection(this.main);
  }

  private startLiveLoop(): LiveLoop {
    // the start position is taken on the command connection now: a publish of this instance after this call
    // goes out on that connection after it, so it cannot slip in before the start
    const start = lastEntryId(this.main, this.stream);
    const conn = this.main.duplicate({ connectionName: `${this.prefix}listen` });
    logConnectionErrors(conn, 'listen');
    return new LiveLoop(conn, this.stream, start, this.blockMs, (event) => this.listeners.dispatch(event));
  }
}

/** The id of the stream's last entry (`0-0` for an empty or missing stream): where a live read starts. */
function lastEntryId(conn: Redis, stream: string): Promise<string> {
  return conn.xrevrange(stream, '+', '-', 'COUNT', 1).then((last) => last[0]?.[0] ?? '0-0');
}

/** XREAD from where listening started, remembering the last id read so that nothing between reads is missed. */
class LiveLoop {
  readonly started: Promise<void>;
  private active = true;
  private readonly alarm = new Alarm();
  private readonly abandon = new Abandon();
  private readonly done: Promise<void>;

  constructor(private readonly conn: Redis, private readonly stream: string, start: Promise<string>, private readonly blockMs: number, private readonly dispatch: (event: BusEvent) => void) {
    const startId = this.startPosition(start);
    this.started = startId.then(() => undefined);
    this.done = startId.then((id) => this.run(id));
  }

  /** Ends the loop and drops its connection at once (that also ends a blocking read in flight). */
  stop(): Promise<void> {
    this.active = false;
    this.alarm.interrupt();
    this.abandon.abort();
    this.conn.disconnect();
    return this.done;
  }

  private async startPosition(first: Promise<string>): Promise<string | undefined> {
    const backoff = new Backoff();
    let position = first;
    while (this.active) {
      try {
        return await this.abandon.race(position);
      } catch (err) {
        if (!this.active) break;
        console.error(`Redis live listening: ${describeError(err)}; retrying`);
        await this.alarm.sleep(backoff.next());
        if (!this.active) break;
        position = lastEntryId(this.conn, this.stream);
      }
    }
    return undefined;
  }

  private async run(startId: string | undefined): Promise<void> {
    if (startId === undefined) return;
    const backoff = new Backoff();
    let lastId = startId;
    while (this.active) {
      try {
        const read = this.conn.xread('COUNT', 500, 'BLOCK', this.blockMs, 'STREAMS', this.stream, lastId);
        const reply = (await this.abandon.race(read)) as StreamReply;
        backoff.reset();
        for (const entry of entriesOf(reply)) {
          if (!this.active) return;
          lastId = entry[0];
          const event = decodeEntry(entry);
          if (event) this.dispatch(event);
        }
      } catch (err) {
        if (!this.active) return;
        console.error(`Redis live listening: ${describeError(err)}; retrying`);
        await this.alarm.sleep(backoff.next());
      }
    }
  }
}
