import { randomUUID } from 'node:crypto';
import { EntitySchema, wrap } from '@mikro-orm/core';
import type { Em } from './orm';

/**
 * A domain event written in the same transaction as the change it describes (transactional
 * outbox). A relay publishes unpublished rows in `seq` order and sets `publishedAt`; consumers
 * drop duplicates by `eventId`. Nothing is published before commit, nothing committed is lost.
 */
export class OutboxEvent {
  seq?: number;
  eventId: string = randomUUID();
  accountId!: string;
  /** e.g. `license.updated`, `license.usage.incremented`, `assignment.created`. */
  type!: string;
  /** The GraphQL type of the entity the event is about, e.g. `License`. */
  entityType!: string;
  entityId!: string;
  /** The entity as it was after the change (and anything a consumer needs). */
  payload!: Record<string, unknown>;
  occurredAt: Date = new Date();
  publishedAt: Date | null = null;
}

/** The outbox table of one subgraph (`<subgraph>_outbox`). */
export function outboxSchema(subgraph: string): EntitySchema<OutboxEvent> {
  return new EntitySchema<OutboxEvent>({
    class: OutboxEvent,
    tableName: `${subgraph}_outbox`,
    properties: {
      seq: { type: 'integer', primary: true, autoincrement: true },
      eventId: { type: 'string', length: 36, unique: true },
      accountId: { type: 'string', length: 36, index: true },
      type: { type: 'string', length: 100 },
      entityType: { type: 'string', length: 100 },
      entityId: { type: 'string', length: 36 },
      payload: { type: 'json' },
      occurredAt: { type: 'datetime' },
      publishedAt: { type: 'datetime', nullable: true, index: true },
    },
  });
}

export interface DomainEvent {
  accountId: string;
  type: string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
}

/**
 * Records an event in the outbox. Call it with the entity manager of the mutation's transaction,
 * so the event row commits or rolls back together with the change.
 */
export function recordEvent(em: Em, event: DomainEvent): OutboxEvent {
  const row = Object.assign(new OutboxEvent(), event);
  em.persist(row);
  return row;
}

/**
 * Records an event about one entity: keyed by the entity (so a relay keeps its events in order), with
 * `data` the entity as serialized after the change (before it, for a deletion; hidden columns left out)
 * and `extra` for what consumers key on (e.g. the licenseId). Each subgraph passes its own event-type
 * union as `Type`, so that a misspelt event type does not compile.
 */
export function recordEntityEvent<Type extends string, EntityType extends string = string>(
  em: Em,
  type: Type,
  entityType: EntityType,
  entity: { id: string; accountId: string },
  extra: Record<string, unknown> = {},
): OutboxEvent {
  return recordEvent(em, {
    accountId: entity.accountId,
    type,
    entityType,
    entityId: entity.id,
    payload: { data: wrap(entity).toObject(), ...extra },
  });
}
