import { complianceAllocations, complianceSummaries, complianceUsage, type ComplianceFacts } from './compliance';
import { licenseCoverage, rightKind, type AssignmentFact, type LicenseFact } from './coverage';

const NOW = new Date('2025-06-01T00:00:00Z');
const [M1, M2, ORG_A, ORG_B] = ['m1', 'm2', 'org-a', 'org-b'];

function license(licenseId: string, fields: Partial<LicenseFact> = {}): LicenseFact {
  return {
    licenseId, organizationId: ORG_A, metricId: M1, quantity: 10, isSubscription: false, subscriptionValidFrom: null, subscriptionValidTo: null,
    isUpgrade: false, isDowngrade: false, isCrossEdition: false, isCrossPlatform: false, ...fields,
  };
}

let order = 0;
function assignment(licenseId: string, kind: AssignmentFact['kind'], quantity: number, targetId: string | null = null): AssignmentFact {
  order += 1;
  return { assignmentId: `a-${order}`, licenseId, kind, targetId, quantity, assignedAt: new Date(NOW.getTime() + order), batchPosition: 0 };
}

describe('licenseCoverage', () => {
  it('is the quantity of a plain license, split by its organization assignments in the order made', () => {
    const c = licenseCoverage(license('l1'), [assignment('l1', 'ORGANIZATION', 3, ORG_B), assignment('l1', 'COMPUTER', 2)], [], NOW);
    expect(c.coverage).toBe(10);
    expect(c.byOrganization).toEqual([{ organizationId: ORG_B, coverage: 3 }, { organizationId: ORG_A, coverage: 7 }]);
    expect(c.unassigned).toBe(8);
  });

  it('is 0 for a subscription outside its validity, and the whole quantity inside it', () => {
    const expired = license('l1', { isSubscription: true, subscriptionValidTo: new Date('2025-05-31T23:59:59Z') });
    const notYet = license('l2', { isSubscription: true, subscriptionValidFrom: new Date('2025-06-02T00:00:00Z') });
    const valid = license('l3', { isSubscription: true, subscriptionValidFrom: new Date('2025-01-01T00:00:00Z'), subscriptionValidTo: new Date('2026-01-01T00:00:00Z') });
    expect([expired, notYet, valid].map((l) => [licenseCoverage(l, [], [], NOW).coverage, licenseCoverage(l, [], [], NOW).expired]))
      .toEqual([[0, true], [0, true], [10, false]]);
    // the validity dates of a license that is no subscription do not matter
    expect(licenseCoverage(license('l4', { subscriptionValidTo: new Date('2020-01-01T00:00:00Z') }), [], [], NOW).coverage).toBe(10);
  });

  it('moves upgraded units: the base license gives them, the upgrade license covers no more than it received', () => {
    const upgrades = [{ licenseId: 'up', upgradedLicenseId: 'base', quantity: 4, upgradedQuantity: 3, kind: rightKind(null) }];
    const base = licenseCoverage(license('base'), [], upgrades, NOW);
    const up = licenseCoverage(license('up', { isUpgrade: true, quantity: 6 }), [], upgrades, NOW);
    expect([base.coverage, base.given.UPGRADE, base.received.UPGRADE]).toEqual([7, 3, 0]);
    expect([up.coverage, up.given.UPGRADE, up.received.UPGRADE]).toEqual([4, 0, 4]);
    // an upgrade license that upgrades nothing covers nothing
    expect(licenseCoverage(license('lonely', { isUpgrade: true }), [], [], NOW).coverage).toBe(0);
    // a base license never covers less than 0
    expect(licenseCoverage(license('base', { quantity: 2 }), [], upgrades, NOW).coverage).toBe(0);
  });

  it('names the kind of an upgrade by the flags of the license that gives it', () => {
    expect([rightKind(null), rightKind(license('x', { isUpgrade: true })), rightKind(license('x', { isDowngrade: true })),
      rightKind(license('x', { isCrossEdition: true })), rightKind(license('x', { isCrossPlatform: true }))])
      .toEqual(['UPGRADE', 'UPGRADE', 'DOWNGRADE', 'CROSS_EDITION', 'CROSS_PLATFORM']);
  });

  it('flags the computer, datacenter and user assignments past the quantity, and counts named users and sites', () => {
    const assignments = [assignment('l1', 'COMPUTER', 6), assignment('l1', 'USER', 1), assignment('l1', 'DATACENTER', 4),
      assignment('l1', 'USER', 1), assignment('l1', 'SITE', 1, ORG_A), assignment('l1', 'ORGANIZATION', 20, ORG_B)];
    const c = licenseCoverage(license('l1'), assignments, [], NOW);
    expect([c.overAssigned, c.unassigned, c.namedUsers, c.hasSiteAssignment]).toEqual([2, 0, 2, true]);
    // the organization assignment takes at most the coverage
    expect(c.byOrganization).toEqual([{ organizationId: ORG_B, coverage: 10 }]);
    expect(licenseCoverage(license('l2', { quantity: null }), [assignment('l2', 'COMPUTER', 5)], [], NOW)).toMatchObject({ overAssigned: 0, unassigned: 0, incomplete: true, coverage: 0 });
  });
});

describe('compliance of an application', () => {
  const facts: ComplianceFacts = {
    licenses: [
      license('l1', { quantity: 10 }),
      license('l2', { quantity: 5, organizationId: ORG_B }),
      license('l3', { quantity: 4, isSubscription: true, subscriptionValidTo: new Date('2025-01-01T00:00:00Z') }),
      license('l4', { quantity: 3, metricId: M2, isUpgrade: true }),
      license('l5', { quantity: null, metricId: M2 }),
    ],
    assignments: [assignment('l1', 'ORGANIZATION', 2, ORG_B), assignment('l2', 'USER', 1), assignment('l2', 'SITE', 1, ORG_B)],
    upgrades: [{ licenseId: 'l4', upgradedLicenseId: 'l1', quantity: 2, upgradedQuantity: 2, kind: 'UPGRADE' }],
    requirements: [
      { metricId: M1, organizationId: ORG_A, initialRequirement: 9, requirement: 9 },
      { metricId: M1, organizationId: ORG_B, initialRequirement: 3, requirement: 2 },
      { metricId: M2, organizationId: null, initialRequirement: 4, requirement: 4 },
    ],
  };

  it('allocates requirement and coverage per metric and organization', () => {
    expect(complianceAllocations(facts, NOW)).toEqual([
      // l1 covers 10 - 2 upgraded = 8: 2 to ORG_B by its organization assignment, 6 stay with ORG_A; l3 expired
      { metricId: M1, organizationId: ORG_A, requirement: 9, coverage: 6, compliance: -3 },
      { metricId: M1, organizationId: ORG_B, requirement: 2, coverage: 7, compliance: 5 },
      { metricId: M2, organizationId: null, requirement: 4, coverage: 0, compliance: -4 },
      // l4 received 2 (of its 3) by upgrading l1; l5 has no quantity
      { metricId: M2, organizationId: ORG_A, requirement: 0, coverage: 2, compliance: 2 },
    ]);
  });

  it('summarizes each metric', () => {
    const zeroes = { invalidAssignments: 0, downgradesGiven: 0, downgradesReceived: 0, crossEditionGiven: 0, crossEditionReceived: 0, crossPlatformGiven: 0, crossPlatformReceived: 0 };
    expect(complianceSummaries(facts, NOW)).toEqual([
      { ...zeroes, metricId: M1, licensesPurchased: 19, incompleteLicenses: 0, expiredSubscriptionLicenses: 4, unassigned: 18, assignedNamedUsers: 1,
        siteLicenses: 5, upgradesGiven: 2, upgradesReceived: 0, initialRequirement: 12, licenseRequirement: 11, totalCoverage: 13, compliance: 2, availableLicenses: 2 },
      { ...zeroes, metricId: M2, licensesPurchased: 3, incompleteLicenses: 1, expiredSubscriptionLicenses: 0, unassigned: 3, assignedNamedUsers: 0,
        siteLicenses: 0, upgradesGiven: 0, upgradesReceived: 2, initialRequirement: 4, licenseRequirement: 4, totalCoverage: 2, compliance: -2, availableLicenses: 0 },
    ]);
  });

  it('tells how much of each metric\'s requirement is covered', () => {
    expect(complianceUsage(complianceSummaries(facts, NOW))).toEqual([
      { metricId: M1, licenseMetricId: M1, mainCoverage: 11, otherMetricCoverage: 0, isPartial: false },
      { metricId: M2, licenseMetricId: M2, mainCoverage: 2, otherMetricCoverage: 0, isPartial: true },
    ]);
  });

  it('is empty for an application without licenses or tracking', () => {
    const none = { licenses: [], assignments: [], upgrades: [], requirements: [] };
    expect([complianceAllocations(none, NOW), complianceSummaries(none, NOW)]).toEqual([[], []]);
  });
});
