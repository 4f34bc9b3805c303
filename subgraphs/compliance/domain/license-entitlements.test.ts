import type { AssignmentFact, LicenseFact } from './coverage';
import { licenseEntitlementSummaries } from './license-entitlements';

const NOW = new Date('2025-06-01T00:00:00Z');
const [APP, OTHER_APP, M1, ORG_A, ORG_B, ORG_C] = ['app-1', 'app-2', 'm1', 'org-a', 'org-b', 'org-c'];

function license(licenseId: string, fields: Partial<LicenseFact & { applicationId: string }> = {}): LicenseFact & { applicationId: string } {
  return {
    licenseId, applicationId: APP, organizationId: ORG_A, metricId: M1, quantity: 10, isSubscription: false, subscriptionValidFrom: null,
    subscriptionValidTo: null, isUpgrade: false, isDowngrade: false, isCrossEdition: false, isCrossPlatform: false, ...fields,
  };
}

let order = 0;
function assignment(licenseId: string, kind: AssignmentFact['kind'], quantity: number, targetId: string | null = null): AssignmentFact {
  order += 1;
  return { assignmentId: `a-${order}`, licenseId, kind, targetId, quantity, assignedAt: new Date(NOW.getTime() + order), batchPosition: 0 };
}

describe('licenseEntitlementSummaries', () => {
  it('sums what the assignments entitle per application, organization, metric and assignment type', () => {
    const licenses = [license('l1'), license('l2', { quantity: 3 }), license('l3', { applicationId: OTHER_APP, organizationId: ORG_B })];
    const assignments = [
      assignment('l1', 'COMPUTER', 4), assignment('l1', 'USER', 1), assignment('l1', 'ORGANIZATION', 6, ORG_B), assignment('l1', 'ORGANIZATION', 7, ORG_C),
      assignment('l2', 'COMPUTER', 2), assignment('l2', 'DATACENTER', 2), assignment('l2', 'SITE', 1, ORG_C),
      assignment('l3', 'USER', 1),
    ];
    expect(licenseEntitlementSummaries(licenses, assignments, NOW)).toEqual([
      { applicationId: APP, organizationId: ORG_A, metricId: M1, assignmentType: 'COMPUTER', quantity: 6 },
      // l2's datacenter assignment goes past its quantity of 3: it entitles nothing
      { applicationId: APP, organizationId: ORG_A, metricId: M1, assignmentType: 'USER', quantity: 1 },
      { applicationId: APP, organizationId: ORG_B, metricId: M1, assignmentType: 'ORGANIZATION', quantity: 6 },
      // the second organization assignment gets what the first left of l1's 10
      { applicationId: APP, organizationId: ORG_C, metricId: M1, assignmentType: 'ORGANIZATION', quantity: 4 },
      { applicationId: APP, organizationId: ORG_C, metricId: M1, assignmentType: 'SITE', quantity: 1 },
      { applicationId: OTHER_APP, organizationId: ORG_B, metricId: M1, assignmentType: 'USER', quantity: 1 },
    ]);
  });

  it('gives nothing for a subscription outside its validity, and no limit for a license without quantity', () => {
    const expired = license('l1', { isSubscription: true, subscriptionValidTo: new Date('2025-01-01T00:00:00Z') });
    const unlimited = license('l2', { quantity: null });
    expect(licenseEntitlementSummaries([expired, unlimited], [assignment('l1', 'COMPUTER', 1), assignment('l2', 'COMPUTER', 50)], NOW))
      .toEqual([{ applicationId: APP, organizationId: ORG_A, metricId: M1, assignmentType: 'COMPUTER', quantity: 50 }]);
  });
});
