import type { FilterQuery } from '@mikro-orm/core';
import type { Orm } from '../../lib/orm';
import { OutboxEvent } from '../../lib/outbox';

/**
 * The events in a subgraph's outbox, oldest first, narrowed by `where` (e.g. `{ entityId }`). A system
 * read: no tenant filter, so that a test sees every event its mutations recorded.
 */
export function outboxEvents(orm: Orm, where: FilterQuery<OutboxEvent> = {}): Promise<OutboxEvent[]> {
  return orm.em.fork().find(OutboxEvent, where, { filters: false, orderBy: { seq: 'asc' } });
}

/** The types of those events, oldest first: every mutation must have added its own. */
export async function outboxTypes(orm: Orm, where: FilterQuery<OutboxEvent> = {}): Promise<string[]> {
  return (await outboxEvents(orm, where)).map((event) => event.type);
}
