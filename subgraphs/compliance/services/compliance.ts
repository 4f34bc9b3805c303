import DataLoader from 'dataloader';
import type { Em } from '../../../lib/orm';
import { complianceAllocations, complianceSummaries, complianceUsage, type ComplianceFacts, type ComplianceSummaryRow } from '../domain/compliance';
import { rightKind, type LicenseFact } from '../domain/coverage';
import { licenseEntitlementSummaries, type LicenseEntitlementSummary } from '../domain/license-entitlements';
import { LicenseTracking } from '../entities/LicenseTracking';
import { LicenseUpgrade } from '../entities/LicenseUpgrade';
import { ProjectedAssignment } from '../entities/ProjectedAssignment';
import { ProjectedLicense } from '../entities/ProjectedLicense';
import type { ComplianceSummary } from '../generated/graphql';

export type { ComplianceFacts } from '../domain/compliance';

/** Live license records: a deleted license or an archived record covers nothing. */
const LIVE = { deleted: false, recordStatus: 'ACTIVE' } as const;

function licenseFact(p: ProjectedLicense): LicenseFact {
  return {
    licenseId: p.licenseId, organizationId: p.organizationId, metricId: p.metricId, quantity: p.quantity,
    isSubscription: p.isSubscription, subscriptionValidFrom: p.subscriptionValidFrom, subscriptionValidTo: p.subscriptionValidTo,
    isUpgrade: p.isUpgrade, isDowngrade: p.isDowngrade, isCrossEdition: p.isCrossEdition, isCrossPlatform: p.isCrossPlatform,
  };
}

function groupBy<T>(rows: T[], key: (row: T) => string | null): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * The compliance facts of many applications in five statements (the request's tenant filter applies): their live
 * licenses from the projection, those licenses' assignments, the upgrades between live licenses that touch them,
 * and the applications' tracking rows.
 */
async function loadFacts(em: Em, applicationIds: readonly string[]): Promise<ComplianceFacts[]> {
  const licenses = await em.find(ProjectedLicense, { ...LIVE, applicationId: { $in: [...applicationIds] } }, { orderBy: { licenseId: 'asc' } });
  const licenseIds = licenses.map((l) => l.licenseId);
  const [assignments, upgrades, requirements] = await Promise.all([
    em.find(ProjectedAssignment, { deleted: false, licenseId: { $in: licenseIds } }),
    em.find(LicenseUpgrade, { $or: [{ licenseId: { $in: licenseIds } }, { upgradedLicenseId: { $in: licenseIds } }] }),
    em.find(LicenseTracking, { applicationId: { $in: [...applicationIds] } }),
  ]);
  const linked = [...new Set(upgrades.flatMap((u) => [u.licenseId, u.upgradedLicenseId]))];
  const live = new Map((await em.find(ProjectedLicense, { ...LIVE, licenseId: { $in: linked } })).map((l) => [l.licenseId, l]));
  const upgradeFacts = upgrades
    .filter((u) => live.has(u.licenseId) && live.has(u.upgradedLicenseId))
    .map((u) => ({ licenseId: u.licenseId, upgradedLicenseId: u.upgradedLicenseId, quantity: u.quantity, upgradedQuantity: u.upgradedQuantity, kind: rightKind(live.get(u.licenseId)!) }));
  const byApplication = groupBy(licenses, (l) => l.applicationId);
  const byLicense = groupBy(assignments, (a) => a.licenseId);
  const tracking = groupBy(requirements, (r) => r.applicationId);
  return applicationIds.map((applicationId) => {
    const own = (byApplication.get(applicationId) ?? []).map(licenseFact);
    const ids = new Set(own.map((l) => l.licenseId));
    return {
      licenses: own,
      assignments: own.flatMap((l) => byLicense.get(l.licenseId) ?? []),
      upgrades: upgradeFacts.filter((u) => ids.has(u.licenseId) || ids.has(u.upgradedLicenseId)),
      requirements: (tracking.get(applicationId) ?? []).map((r) => ({
        metricId: r.metricId, organizationId: r.organizationId, initialRequirement: r.initialRequirement, requirement: r.requirement,
      })),
    };
  });
}

/** The request-scoped loader of compliance facts by application ID (an application the caller's account owns). */
export function complianceFactsLoader(em: Em): DataLoader<string, ComplianceFacts> {
  return new DataLoader<string, ComplianceFacts>((ids) => loadFacts(em, ids));
}

/** The three seed 003 compliance reads of one application, each row carrying the application's ID. */
export function allocationsOf(applicationId: string, facts: ComplianceFacts, now = new Date()) {
  return complianceAllocations(facts, now).map((row) => ({ applicationId, ...row }));
}

/** The seed's summary counters that nothing in this system feeds: 0 (the schema's descriptions say why). */
const UNFED: Omit<ComplianceSummary, keyof ComplianceSummaryRow | 'applicationId' | '__typename'> = {
  includedInBundle: 0, outsideMetricPeriod: 0, secondaryUseRightsDesktopLaptop: 0, secondaryUseRightsDevice: 0, extendedCoverageForDcc: 0,
  extendedCoverageForHosts: 0, multipleVersionEdition: 0, virtualDesktopInfrastructure: 0, minimumRequirement: 0, coreFactor: 0,
  physicalHost: 0, computerAppExclusions: 0, windowsServer: 0, sqlServer: 0, otherMetricCoverage: 0, siteCoverage: 0, vmCoverage: 0,
  licenseStacking: 0, namedUserCoverage: 0, licensingOtherMetrics: 0, virtualDesktopAccess: 0,
};

export function summariesOf(applicationId: string, facts: ComplianceFacts, now = new Date()): ComplianceSummary[] {
  return complianceSummaries(facts, now).map((row) => ({ applicationId, ...UNFED, ...row }));
}

export function usageOf(applicationId: string, facts: ComplianceFacts, now = new Date()) {
  return complianceUsage(complianceSummaries(facts, now)).map((row) => ({ applicationId, ...row }));
}

/** The license entitlements of the caller's account (seed 003 Get license entitlements): every live license with an application. */
export async function licenseEntitlements(em: Em, now = new Date()): Promise<LicenseEntitlementSummary[]> {
  const licenses = await em.find(ProjectedLicense, { ...LIVE, applicationId: { $ne: null } });
  const assignments = await em.find(ProjectedAssignment, { deleted: false, licenseId: { $in: licenses.map((l) => l.licenseId) } });
  const facts = licenses.map((l) => ({ ...licenseFact(l), applicationId: l.applicationId! }));
  return licenseEntitlementSummaries(facts, assignments, now);
}
