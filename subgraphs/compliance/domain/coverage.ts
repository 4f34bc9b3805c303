/**
 * The coverage of one license of an application (API.md, compliance: "coverage from the licenses of the
 * application (quantity, validity, upgrades given and received, assignments)"). Pure: the facts come from the
 * projection of licenses and assignments (services/projection.ts), the upgrades and the tracking rows.
 */

export type AssignmentKind = 'COMPUTER' | 'DATACENTER' | 'ORGANIZATION' | 'SITE' | 'USER';

/** How a license relates to the license it upgrades (seed 003 flags of the upgrade license). */
export type RightKind = 'UPGRADE' | 'DOWNGRADE' | 'CROSS_EDITION' | 'CROSS_PLATFORM';

export interface LicenseFact {
  licenseId: string;
  organizationId: string | null;
  metricId: string | null;
  quantity: number | null;
  isSubscription: boolean;
  subscriptionValidFrom: Date | null;
  subscriptionValidTo: Date | null;
  isUpgrade: boolean;
  isDowngrade: boolean;
  isCrossEdition: boolean;
  isCrossPlatform: boolean;
}

export interface AssignmentFact {
  assignmentId: string;
  licenseId: string;
  kind: AssignmentKind;
  targetId: string | null;
  quantity: number;
  assignedAt: Date;
  batchPosition: number;
}

/** `quantity` units of license `licenseId` (of kind `kind`) upgrade `upgradedQuantity` units of `upgradedLicenseId`. */
export interface UpgradeFact {
  licenseId: string;
  upgradedLicenseId: string;
  quantity: number;
  upgradedQuantity: number;
  kind: RightKind;
}

export type RightCounts = Record<RightKind, number>;

export interface LicenseCoverage {
  license: LicenseFact;
  /** A subscription whose validity does not contain now: it covers nothing. */
  expired: boolean;
  /** Seed 003 `isIncomplete`: no metric or no quantity, so it cannot be counted. */
  incomplete: boolean;
  /** Units of this license given to upgrades by other licenses, by kind of the upgrade. */
  given: RightCounts;
  /** Units of this license used to upgrade other licenses, by kind. */
  received: RightCounts;
  /** Units that cover requirement, and how organization assignments split them. */
  coverage: number;
  byOrganization: Array<{ organizationId: string | null; coverage: number }>;
  /** Assignments beyond the quantity (the assignments subgraph's OVER_ASSIGNMENT rule). */
  overAssigned: number;
  /** Quantity not assigned to computers, datacenters or users; 0 without a quantity. */
  unassigned: number;
  namedUsers: number;
  hasSiteAssignment: boolean;
}

/** Nulls first, then by text: a stable order for rows keyed by IDs. */
export function compareIds(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

const noRights = (): RightCounts => ({ UPGRADE: 0, DOWNGRADE: 0, CROSS_EDITION: 0, CROSS_PLATFORM: 0 });
const total = (counts: RightCounts) => counts.UPGRADE + counts.DOWNGRADE + counts.CROSS_EDITION + counts.CROSS_PLATFORM;

/** The kind of an upgrade link, from the flags of the license that gives the upgrade. */
export function rightKind(license: Pick<LicenseFact, 'isDowngrade' | 'isCrossEdition' | 'isCrossPlatform'> | null): RightKind {
  if (license?.isDowngrade) return 'DOWNGRADE';
  if (license?.isCrossEdition) return 'CROSS_EDITION';
  if (license?.isCrossPlatform) return 'CROSS_PLATFORM';
  return 'UPGRADE';
}

/** A license bought as an upgrade, downgrade, cross-edition or cross-platform right needs the licenses it upgrades. */
export function isRightLicense(license: LicenseFact): boolean {
  return license.isUpgrade || license.isDowngrade || license.isCrossEdition || license.isCrossPlatform;
}

export function isExpiredSubscription(license: LicenseFact, now: Date): boolean {
  if (!license.isSubscription) return false;
  const t = now.getTime();
  return (license.subscriptionValidTo !== null && license.subscriptionValidTo.getTime() < t)
    || (license.subscriptionValidFrom !== null && license.subscriptionValidFrom.getTime() > t);
}

/** Made-first order: creation time, position in the request, kind, ID (as the assignments subgraph orders them). */
export function byAssignmentOrder(a: AssignmentFact, b: AssignmentFact): number {
  return a.assignedAt.getTime() - b.assignedAt.getTime() || a.batchPosition - b.batchPosition
    || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.assignmentId < b.assignmentId ? -1 : a.assignmentId > b.assignmentId ? 1 : 0);
}

/** The assignments that consume a license's quantity (an organization assignment splits it, a site assignment covers a whole organization). */
export const CONSUMING: ReadonlySet<AssignmentKind> = new Set(['COMPUTER', 'DATACENTER', 'USER']);

/** Computer, datacenter and user assignments consume the quantity in the order made; those past it are over-assigned. */
function assignmentCounts(quantity: number | null, assignments: AssignmentFact[]) {
  let assigned = 0;
  let overAssigned = 0;
  for (const a of assignments.filter((x) => CONSUMING.has(x.kind)).sort(byAssignmentOrder)) {
    assigned += a.quantity;
    if (quantity !== null && assigned > quantity) overAssigned += 1;
  }
  return { overAssigned, unassigned: quantity === null ? 0 : Math.max(0, quantity - assigned) };
}

/** Organization assignments give their quantity of the coverage to their organization, in the order made; the rest stays with the owner. */
function splitByOrganization(license: LicenseFact, coverage: number, assignments: AssignmentFact[]) {
  const shares = new Map<string | null, number>();
  let left = coverage;
  for (const a of assignments.filter((x) => x.kind === 'ORGANIZATION').sort(byAssignmentOrder)) {
    const share = Math.min(a.quantity, left);
    if (share > 0) shares.set(a.targetId, (shares.get(a.targetId) ?? 0) + share);
    left -= share;
  }
  if (left > 0 || shares.size === 0) shares.set(license.organizationId, (shares.get(license.organizationId) ?? 0) + left);
  return [...shares].map(([organizationId, share]) => ({ organizationId, coverage: share }));
}

/**
 * The coverage of a license: its quantity (none when it is an expired subscription); a right license covers no
 * more than the units it used to upgrade other licenses (received); then the units other licenses took from it
 * by upgrading it (given) are gone.
 */
export function licenseCoverage(license: LicenseFact, assignments: AssignmentFact[], upgrades: UpgradeFact[], now: Date): LicenseCoverage {
  const given = noRights();
  const received = noRights();
  for (const u of upgrades) {
    if (u.upgradedLicenseId === license.licenseId) given[u.kind] += u.upgradedQuantity;
    if (u.licenseId === license.licenseId) received[u.kind] += u.quantity;
  }
  const expired = isExpiredSubscription(license, now);
  let usable = expired ? 0 : license.quantity ?? 0;
  if (isRightLicense(license)) usable = Math.min(usable, total(received));
  const coverage = Math.max(0, usable - total(given));
  const own = assignments.filter((a) => a.licenseId === license.licenseId);
  return {
    license, expired, given, received, coverage,
    incomplete: license.metricId === null || license.quantity === null,
    byOrganization: splitByOrganization(license, coverage, own),
    ...assignmentCounts(license.quantity, own),
    namedUsers: own.filter((a) => a.kind === 'USER').length,
    hasSiteAssignment: own.some((a) => a.kind === 'SITE'),
  };
}
