/**
 * Compliance of an application (seed 003 compliance allocation summary, compliance summary, compliance usage
 * summary): requirement from the tracking rows, coverage from the application's licenses (domain/coverage.ts),
 * compliance = coverage - requirement, per organization and metric. Pure functions over the facts.
 */
import { compareIds, licenseCoverage, type AssignmentFact, type LicenseCoverage, type LicenseFact, type RightKind, type UpgradeFact } from './coverage';

/** A tracking row's share of the requirement. */
export interface RequirementFact {
  metricId: string;
  organizationId: string | null;
  initialRequirement: number;
  requirement: number;
}

export interface ComplianceFacts {
  /** The application's licenses (active records). */
  licenses: LicenseFact[];
  /** The assignments of those licenses. */
  assignments: AssignmentFact[];
  /** The upgrades that give to or take from those licenses. */
  upgrades: UpgradeFact[];
  /** The application's tracking rows. */
  requirements: RequirementFact[];
}

export interface ComplianceAllocation {
  metricId: string | null;
  organizationId: string | null;
  requirement: number;
  coverage: number;
  compliance: number;
}

/** The seed's summary fields this system has data for; the others are answered 0 by the schema (see its descriptions). */
export interface ComplianceSummaryRow {
  metricId: string | null;
  licensesPurchased: number;
  incompleteLicenses: number;
  expiredSubscriptionLicenses: number;
  invalidAssignments: number;
  unassigned: number;
  assignedNamedUsers: number;
  siteLicenses: number;
  upgradesGiven: number; upgradesReceived: number;
  downgradesGiven: number; downgradesReceived: number;
  crossEditionGiven: number; crossEditionReceived: number;
  crossPlatformGiven: number; crossPlatformReceived: number;
  initialRequirement: number;
  licenseRequirement: number;
  totalCoverage: number;
  compliance: number;
  availableLicenses: number;
}

export interface ComplianceUsageRow {
  metricId: string | null;
  licenseMetricId: string | null;
  mainCoverage: number;
  otherMetricCoverage: number;
  isPartial: boolean;
}

function coverages(facts: ComplianceFacts, now: Date): LicenseCoverage[] {
  return facts.licenses.map((license) => licenseCoverage(license, facts.assignments, facts.upgrades, now));
}

/** Requirement, coverage and compliance per (metric, organization), ordered by metric then organization. */
export function complianceAllocations(facts: ComplianceFacts, now: Date): ComplianceAllocation[] {
  const rows = new Map<string, ComplianceAllocation>();
  const row = (metricId: string | null, organizationId: string | null) => {
    const key = JSON.stringify([metricId, organizationId]);
    let found = rows.get(key);
    if (!found) rows.set(key, (found = { metricId, organizationId, requirement: 0, coverage: 0, compliance: 0 }));
    return found;
  };
  for (const r of facts.requirements) row(r.metricId, r.organizationId).requirement += r.requirement;
  for (const c of coverages(facts, now)) {
    for (const share of c.byOrganization) row(c.license.metricId, share.organizationId).coverage += share.coverage;
  }
  return [...rows.values()]
    .map((r) => ({ ...r, compliance: r.coverage - r.requirement }))
    .sort((a, b) => compareIds(a.metricId, b.metricId) || compareIds(a.organizationId, b.organizationId));
}

const RIGHT_FIELDS: Record<RightKind, [keyof ComplianceSummaryRow, keyof ComplianceSummaryRow]> = {
  UPGRADE: ['upgradesGiven', 'upgradesReceived'],
  DOWNGRADE: ['downgradesGiven', 'downgradesReceived'],
  CROSS_EDITION: ['crossEditionGiven', 'crossEditionReceived'],
  CROSS_PLATFORM: ['crossPlatformGiven', 'crossPlatformReceived'],
};

function emptySummary(metricId: string | null): ComplianceSummaryRow {
  return {
    metricId, licensesPurchased: 0, incompleteLicenses: 0, expiredSubscriptionLicenses: 0, invalidAssignments: 0, unassigned: 0,
    assignedNamedUsers: 0, siteLicenses: 0, upgradesGiven: 0, upgradesReceived: 0, downgradesGiven: 0, downgradesReceived: 0,
    crossEditionGiven: 0, crossEditionReceived: 0, crossPlatformGiven: 0, crossPlatformReceived: 0,
    initialRequirement: 0, licenseRequirement: 0, totalCoverage: 0, compliance: 0, availableLicenses: 0,
  };
}

type Counter = { [K in keyof ComplianceSummaryRow]: ComplianceSummaryRow[K] extends number ? K : never }[keyof ComplianceSummaryRow];

function addLicense(row: ComplianceSummaryRow, c: LicenseCoverage): void {
  const add = (field: Counter, n: number) => { row[field] += n; };
  const quantity = c.license.quantity ?? 0;
  add('licensesPurchased', quantity);
  add('incompleteLicenses', c.incomplete ? 1 : 0);
  add('expiredSubscriptionLicenses', c.expired ? quantity : 0);
  add('invalidAssignments', c.overAssigned);
  add('unassigned', c.unassigned);
  add('assignedNamedUsers', c.namedUsers);
  add('siteLicenses', c.hasSiteAssignment ? quantity : 0);
  for (const [kind, [given, received]] of Object.entries(RIGHT_FIELDS) as Array<[RightKind, [Counter, Counter]]>) {
    add(given, c.given[kind]);
    add(received, c.received[kind]);
  }
  add('totalCoverage', c.coverage);
}

/** The compliance summary per metric of the application (every organization together), ordered by metric. */
export function complianceSummaries(facts: ComplianceFacts, now: Date): ComplianceSummaryRow[] {
  const rows = new Map<string | null, ComplianceSummaryRow>();
  const row = (metricId: string | null) => {
    let found = rows.get(metricId);
    if (!found) rows.set(metricId, (found = emptySummary(metricId)));
    return found;
  };
  for (const r of facts.requirements) {
    row(r.metricId).initialRequirement += r.initialRequirement;
    row(r.metricId).licenseRequirement += r.requirement;
  }
  for (const c of coverages(facts, now)) addLicense(row(c.license.metricId), c);
  return [...rows.values()]
    .map((r) => ({ ...r, compliance: r.totalCoverage - r.licenseRequirement, availableLicenses: Math.max(0, r.totalCoverage - r.licenseRequirement) }))
    .sort((a, b) => compareIds(a.metricId, b.metricId));
}

/**
 * How the requirement of each metric is covered: licenses cover the requirement of their own metric only (this
 * system has no rules for covering one metric with licenses of another), so each row pairs a metric with itself.
 */
export function complianceUsage(summaries: ComplianceSummaryRow[]): ComplianceUsageRow[] {
  return summaries.map((s) => ({
    metricId: s.metricId,
    licenseMetricId: s.metricId,
    mainCoverage: Math.min(s.totalCoverage, s.licenseRequirement),
    otherMetricCoverage: 0,
    isPartial: s.totalCoverage < s.licenseRequirement,
  }));
}
