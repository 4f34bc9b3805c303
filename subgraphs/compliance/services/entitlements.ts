import type { RowField } from '../domain/row-filter';
import { entitlements, type Entitlement } from '../domain/entitlements';
import type { Em } from '../../../lib/orm';
import { LicenseTracking } from '../entities/LicenseTracking';

/*
 * Computer and user application entitlements (seed 003) are derived from the tracking rows, not stored: every read
 * sums the rows of the account (the tenant filter applies) by holder, application and metric.
 */

type Holder = 'computerId' | 'userId';

/** The entitlements of every computer (or every user) of the account, with the holder's ID under its own name. */
export async function entitlementsOf<H extends Holder>(em: Em, holder: H): Promise<Array<Entitlement & Record<H, string>>> {
  const where = holder === 'computerId' ? { computerId: { $ne: null } } : { userId: { $ne: null } };
  const rows = await em.find(LicenseTracking, where, {
    fields: ['computerId', 'userId', 'applicationId', 'metricId', 'requirement', 'receivedCoverage'],
  });
  const uses = rows.map((row) => ({
    holderId: (holder === 'computerId' ? row.computerId : row.userId)!,
    applicationId: row.applicationId, metricId: row.metricId, requirement: row.requirement, receivedCoverage: row.receivedCoverage,
  }));
  return entitlements(uses).map((e) => ({ ...e, [holder]: e.holderId }) as Entitlement & Record<H, string>);
}

/** Filter fields of the entitlement reads (computed rows, so the filter runs in memory); `holder` names the holder's ID. */
export function entitlementFilterFields(holder: Holder): Record<string, RowField<Entitlement>> {
  return {
    [holder]: { type: 'uuid', get: (r) => r.holderId },
    applicationId: { type: 'uuid', get: (r) => r.applicationId },
    metricId: { type: 'uuid', get: (r) => r.metricId },
    entitlementStateId: { type: 'uuid', get: (r) => r.entitlementStateId },
    requirement: { type: 'number', get: (r) => r.requirement },
    receivedCoverage: { type: 'number', get: (r) => r.receivedCoverage },
  };
}
