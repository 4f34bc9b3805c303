import { createHash } from 'node:crypto';
import { envInt, type SubgraphName } from '../config';
import { isPostgres, type Em, type Orm } from '../orm';
import { OutboxEvent } from '../outbox';
import type { BusEvent, EventBus } from './bus';
import { Alarm, Backoff } from './timing';

export interface RelayOptions {
  /** Rows per batch (RELAY_BATCH_SIZE, default 200). */
  batchSize?: number;
  /** Pause between turns that found less than a full batch, unless woken (RELAY_INTERVAL_MS, default 250). */
  intervalMs?: number;
  /** Published rows older than this are deleted (OUTBOX_RETENTION_HOURS, default 168). */
  retentionHours?: number;
}

const HOUR_MS = 3_600_000;

/** The batch was not run: another relay (another process) holds the outbox's lock. */
const BUSY = 'busy';

/**
 * Publishes a subgraph's committed outbox rows to the bus in `seq` order and marks them sent (ARCHITECTURE.md,
 * "Events"). One batch: select the unpublished rows, publish them, mark exactly those; a failed publish marks
 * nothing and the same rows go again later, never skipped. A crash between publishing and marking publishes
 * the batch again (at least once): consumers drop duplicates by event id.
 *
 * Rows are selected by `publishedAt IS NULL`, not by `seq > last published`: PostgreSQL allocates `seq` before
 * commit, so a transaction that commits late can carry a smaller seq than rows already sent, and it is still
 * picked up next turn. Per-entity order holds all the same: two writes of one entity are serialized by the
 * entity's row lock in the subgraph, so the later write's event is committed (and numbered) after the first.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly retentionHours: number;
  private readonly postgres: boolean;
  private readonly lockKey: [number, number];
  private readonly alarm = new Alarm();
  private running = false;
  private loop?: Promise<void>;
  /** Batches of this instance run one at a time (the loop and a `drain` may overlap). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly orm: Orm, readonly subgraph: SubgraphName, private readonly bus: EventBus, opts: RelayOptions = {}) {
    this.batchSize = opts.batchSize ?? envInt('RELAY_BATCH_SIZE', 200);
    this.intervalMs = opts.intervalMs ?? envInt('RELAY_INTERVAL_MS', 250);
    this.retentionHours = opts.retentionHours ?? envInt('OUTBOX_RETENTION_HOURS', 168);
    if (this.batchSize < 1) throw new Error('RELAY_BATCH_SIZE must be at least 1');
    this.postgres = isPostgres(orm.em);
    this.lockKey = advisoryLockKey(orm.getMetadata().get(OutboxEvent.name).tableName);
  }

  /** Runs the loop: right after a full batch, else after `intervalMs` or a `wake()`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.alarm.reset();
    this.loop = this.run();
  }

  /** Publish soon: a mutation has committed rows. */
  wake(): void {
    this.alarm.wake();
  }

  /** Stops the loop; resolves after the batch in hand. */
  async stop(): Promise<void> {
    this.running = false;
    this.alarm.interrupt();
    await this.loop;
    this.loop = undefined;
  }

  /** Publishes until nothing is pending (for tests and shutdown); the number of rows this relay published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      if (published === BUSY) {
        // another relay is at work: done once it has sent everything
        if ((await this.pendingCount()) === 0) return total;
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      if (published === 0) return total;
      total += published;
    }
  }

  /** Deletes published rows older than the retention; the number deleted. */
  purge(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionHours * HOUR_MS);
    return this.orm.em.fork().nativeDelete(OutboxEvent, { publishedAt: { $lt: cutoff } }, { filters: false });
  }

  private async run(): Promise<void> {
    const backoff = new Backoff(100, 5000);
    let nextPurge = 0;
    while (this.running) {
      if (Date.now() >= nextPurge) nextPurge = Date.now() + (await this.purgeLogged() ? HOUR_MS : 60_000);
      let published: number | typeof BUSY;
      try {
        published = await this.publishBatch();
        backoff.reset();
      } catch (err) {
        console.error(`Outbox relay of ${this.subgraph}: publishing failed; retrying`, err);
        await this.alarm.sleep(backoff.next(), { wakeable: false });
        continue;
      }
      if (published !== this.batchSize) await this.alarm.sleep(this.intervalMs);
    }
  }

  private async purgeLogged(): Promise<boolean> {
    try {
      await this.purge();
      return true;
    } catch (err) {
      console.error(`Outbox relay of ${this.subgraph}: deleting old rows failed`, err);
      return false;
    }
  }

  private publishBatch(): Promise<number | typeof BUSY> {
    return this.exclusive(() => {
      if (!this.postgres) return this.batch(this.orm.em.fork());
      return this.orm.em.fork().transactional(async (tx) => {
        // a transaction-scoped lock: released by the commit or rollback, also when this process dies
        const [row] = await tx.execute<{ locked: boolean }[]>('select pg_try_advisory_xact_lock(?, ?) as locked', this.lockKey);
        return row?.locked ? this.batch(tx) : BUSY;
      });
    });
  }

  /**
   * Select, publish, mark. On PostgreSQL it runs inside the locked transaction. On SQLite it runs without one:
   * one process owns a SQLite file, and its single connection must stay free while `publish` waits for
   * in-process consumers that write to the same database.
   */
  private async batch(em: Em): Promise<number> {
    const rows = await em.find(OutboxEvent, { publishedAt: null }, { filters: false, orderBy: { seq: 'asc' }, limit: this.batchSize });
    if (rows.length === 0) return 0;
    await this.bus.publish(rows.map((row) => this.toBusEvent(row)));
    await em.nativeUpdate(OutboxEvent, { seq: { $in: rows.map((row) => row.seq!) } }, { publishedAt: new Date() }, { filters: false });
    return rows.length;
  }

  private toBusEvent(row: OutboxEvent): BusEvent {
    return {
      eventId: row.eventId,
      source: this.subgraph,
      seq: Number(row.seq),
      accountId: row.accountId,
      type: row.type,
      entityType: row.entityType,
      entityId: row.entityId,
      payload: row.payload,
      occurredAt: new Date(row.occurredAt).toISOString(),
    };
  }

  private pendingCount(): Promise<number> {
    return this.orm.em.fork().count(OutboxEvent, { publishedAt: null }, { filters: false });
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.queue.then(fn);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** Two 32-bit ints from the table name: every relay of one outbox (in one database) contends for the same lock. */
function advisoryLockKey(table: string): [number, number] {
  const digest = createHash('sha256').update(`outbox-relay:${table}`).digest();
  return [digest.readInt32BE(0), digest.readInt32BE(4)];
}
