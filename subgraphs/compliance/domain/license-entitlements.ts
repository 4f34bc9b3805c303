/**
 * License entitlements (seed 003 Get license entitlements): the quantity of licenses each organization holds, per
 * application, metric and assignment type, from the licenses' assignments. Pure, over the projection's facts.
 */
import { byAssignmentOrder, compareIds, CONSUMING, isExpiredSubscription, type AssignmentFact, type AssignmentKind, type LicenseFact } from './coverage';

export interface LicenseEntitlementSummary {
  applicationId: string;
  organizationId: string | null;
  metricId: string | null;
  assignmentType: AssignmentKind;
  quantity: number;
}

/**
 * What one license entitles, by assignment, in the order the assignments were made: computer, datacenter and user
 * assignments entitle their license's organization, up to the license's quantity (over-assigned ones entitle
 * nothing); organization assignments entitle their organization to their quantity of what no earlier organization
 * assignment took; a site assignment entitles its organization (the site) to its quantity.
 */
function entitlementsOf(license: LicenseFact & { applicationId: string }, assignments: AssignmentFact[]): LicenseEntitlementSummary[] {
  const limit = license.quantity ?? Number.POSITIVE_INFINITY;
  let consumed = 0;
  let allotted = 0;
  const rows: LicenseEntitlementSummary[] = [];
  for (const a of assignments.filter((x) => x.licenseId === license.licenseId).sort(byAssignmentOrder)) {
    let quantity = a.quantity;
    let organizationId = license.organizationId;
    if (CONSUMING.has(a.kind)) {
      consumed += a.quantity;
      if (consumed > limit) continue;
    } else if (a.kind === 'ORGANIZATION') {
      quantity = Math.min(a.quantity, limit - allotted);
      allotted += quantity;
      organizationId = a.targetId;
    } else {
      organizationId = a.targetId;
    }
    if (quantity > 0) rows.push({ applicationId: license.applicationId, organizationId, metricId: license.metricId, assignmentType: a.kind, quantity });
  }
  return rows;
}

/**
 * The entitlements of the given licenses, summed per (application, organization, metric, assignment type) and ordered
 * so. A subscription outside its validity entitles nothing.
 */
export function licenseEntitlementSummaries(
  licenses: Array<LicenseFact & { applicationId: string }>, assignments: AssignmentFact[], now: Date,
): LicenseEntitlementSummary[] {
  const sums = new Map<string, LicenseEntitlementSummary>();
  for (const license of licenses.filter((l) => !isExpiredSubscription(l, now))) {
    for (const row of entitlementsOf(license, assignments)) {
      const key = JSON.stringify([row.applicationId, row.organizationId, row.metricId, row.assignmentType]);
      const sum = sums.get(key);
      if (sum) sum.quantity += row.quantity;
      else sums.set(key, { ...row });
    }
  }
  return [...sums.values()].sort((a, b) => compareIds(a.applicationId, b.applicationId) || compareIds(a.organizationId, b.organizationId)
    || compareIds(a.metricId, b.metricId) || compareIds(a.assignmentType, b.assignmentType));
}
