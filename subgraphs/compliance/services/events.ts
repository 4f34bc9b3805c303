import { recordEntityEvent } from '../../../lib/outbox';

/** Event types of the compliance subgraph. */
export type ComplianceEventType =
  | 'application.created' | 'metric.created'
  | 'maintenance-period.created' | 'maintenance-period.updated' | 'maintenance-period.deleted'
  | 'license-upgrade.created' | 'extended-coverage-type.created' | 'extended-coverage.created'
  | 'license-tracking.created' | 'license-tracking.deleted'
  | 'license-transfer.created' | 'license-transfer.deleted';

/** Records a compliance event in the outbox of the current transaction; `extra` carries e.g. the licenseId. */
export const recordComplianceEvent = recordEntityEvent<ComplianceEventType>;
