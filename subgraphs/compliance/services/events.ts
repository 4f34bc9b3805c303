import { wrap } from '@mikro-orm/core';
import type { BaseEntity } from '../../../lib/entity';
import type { Em } from '../../../lib/orm';
import { recordEvent } from '../../../lib/outbox';

/** Event types of the compliance subgraph. */
export type ComplianceEventType =
  | 'application.created' | 'metric.created'
  | 'maintenance-period.created' | 'maintenance-period.updated' | 'maintenance-period.deleted'
  | 'license-upgrade.created' | 'extended-coverage-type.created' | 'extended-coverage.created';

/**
 * Records an event in the outbox of the current transaction; `data` is the entity after the change
 * (before it, for a deletion). `extra` carries what consumers key on, e.g. the licenseId.
 */
export function recordComplianceEvent(em: Em, type: ComplianceEventType, entityType: string, entity: BaseEntity, extra: Record<string, unknown> = {}): void {
  recordEvent(em, {
    accountId: entity.accountId,
    type,
    entityType,
    entityId: entity.id,
    payload: { data: wrap(entity).toObject(), ...extra },
  });
}
