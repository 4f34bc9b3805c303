import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { Orm } from './orm';
import { recordEntityEvent } from './outbox';

/**
 * Snapshot events: the state of each row of an entity as it stands now, re-published through the outbox so that
 * a consumer keeping a projection from events (the compliance subgraph's projection of licenses and assignments)
 * can catch up with rows whose events it never saw: rows written before the consumer group existed, or after the
 * bus forgot their events, or a projection being rebuilt from an empty table. A snapshot describes no change, so
 * GraphQL subscriptions and webhooks never deliver one (`isSnapshotEvent`); its type is `<prefix>.snapshot`.
 */
export const SNAPSHOT_SUFFIX = '.snapshot';

export function isSnapshotEvent(event: { type: string }): boolean {
  return event.type.endsWith(SNAPSHOT_SUFFIX);
}

type Row = { id: string; accountId: string };

/** One entity whose rows a subgraph can re-publish, with the event type and keys its ordinary events carry. */
export interface SnapshotSource<T extends Row = Row> {
  entity: EntityName<T>;
  /** The GraphQL type of the entity (the events' `entityType`), e.g. `License`. */
  entityType: string;
  /** e.g. `license.snapshot`: ends with `.snapshot`. */
  type: `${string}${typeof SNAPSHOT_SUFFIX}`;
  /** What the entity's ordinary events carry besides `data` (e.g. the licenseId), so consumers key alike. */
  keys?: (row: T) => Record<string, unknown>;
}

/** Declares a snapshot source with its row type checked, kept in a list of sources of other row types. */
export function snapshotSource<T extends Row>(source: SnapshotSource<T>): SnapshotSource {
  return source as unknown as SnapshotSource;
}

export interface SnapshotProgress {
  entityType: string;
  /** Events recorded so far for this entity type. */
  recorded: number;
}

export interface SnapshotOptions {
  /** Rows read and events recorded per transaction (default 500). */
  batchSize?: number;
  /** Only this account's rows (default: every account). */
  accountId?: string;
  /** Called after each committed batch: a long run shows where it is. */
  onProgress?: (progress: SnapshotProgress) => void;
}

/**
 * Records a snapshot event for every row of each source, in batches of one transaction each, walking the rows by
 * id so that rows written meanwhile are neither skipped nor read twice. The subgraph's relay publishes them like any
 * other outbox row, also when the subgraph process starts only later. Returns the number of events per entity type.
 */
export async function recordSnapshots(orm: Orm, sources: readonly SnapshotSource[], opts: SnapshotOptions = {}): Promise<Record<string, number>> {
  const batchSize = opts.batchSize ?? 500;
  const counts: Record<string, number> = {};
  for (const source of sources) {
    let recorded = 0;
    let after: string | null = null;
    for (;;) {
      const last: string | null = await orm.em.fork().transactional(async (em) => {
        const where = { ...(opts.accountId ? { accountId: opts.accountId } : {}), ...(after ? { id: { $gt: after } } : {}) };
        // system work over every account: the tenant filter is off and each event names its row's account
        const rows = await em.find(source.entity, where as FilterQuery<Row>, { filters: false, orderBy: { id: 'asc' }, limit: batchSize });
        for (const row of rows) recordEntityEvent(em, source.type, source.entityType, row, source.keys?.(row));
        recorded += rows.length;
        return rows.length === batchSize ? rows[rows.length - 1].id : null;
      });
      opts.onProgress?.({ entityType: source.entityType, recorded });
      if (last === null) break;
      after = last;
    }
    counts[source.entityType] = (counts[source.entityType] ?? 0) + recorded;
  }
  return counts;
}
