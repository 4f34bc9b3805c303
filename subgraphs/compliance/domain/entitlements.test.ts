import { ENTITLEMENT_STATES, entitlementState, entitlements } from './entitlements';

test('the catalog has four states with distinct stable IDs and the seed\'s "Partially covered"', () => {
  expect(ENTITLEMENT_STATES.map((s) => [s.id, s.code, s.name])).toEqual([
    ['7c1a6f40-5d2b-4e0a-9b1e-000000000001', 'COVERED', 'Covered'],
    ['7c1a6f40-5d2b-4e0a-9b1e-000000000002', 'PARTIALLY_COVERED', 'Partially covered'],
    ['7c1a6f40-5d2b-4e0a-9b1e-000000000003', 'NOT_COVERED', 'Not covered'],
    ['7c1a6f40-5d2b-4e0a-9b1e-000000000004', 'NOT_REQUIRED', 'Not required'],
  ]);
});

test.each([
  [0, 0, 'NOT_REQUIRED'], [0, 3, 'NOT_REQUIRED'],
  [1, 1, 'COVERED'], [2, 5, 'COVERED'],
  [3, 1, 'PARTIALLY_COVERED'], [2, 1, 'PARTIALLY_COVERED'],
  [1, 0, 'NOT_COVERED'], [4, 0, 'NOT_COVERED'],
])('requirement %i with received coverage %i is %s', (requirement, received, code) => {
  expect(entitlementState(requirement, received).code).toBe(code);
});

test('sums the rows of each holder, application and metric, ordered by those IDs', () => {
  const rows = [
    { holderId: 'b', applicationId: 'x', metricId: 'm', requirement: 1, receivedCoverage: 1 },
    { holderId: 'a', applicationId: 'y', metricId: 'm', requirement: 2, receivedCoverage: 0 },
    { holderId: 'a', applicationId: 'x', metricId: 'm', requirement: 1, receivedCoverage: 1 },
    { holderId: 'a', applicationId: 'x', metricId: 'm', requirement: 2, receivedCoverage: 0 },
  ];
  expect(entitlements(rows).map((e) => [e.holderId, e.applicationId, e.metricId, e.requirement, e.receivedCoverage, e.entitlementState.code])).toEqual([
    ['a', 'x', 'm', 3, 1, 'PARTIALLY_COVERED'],
    ['a', 'y', 'm', 2, 0, 'NOT_COVERED'],
    ['b', 'x', 'm', 1, 1, 'COVERED'],
  ]);
  expect(entitlements(rows)[2].entitlementStateId).toBe('7c1a6f40-5d2b-4e0a-9b1e-000000000001');
  expect(entitlements([])).toEqual([]);
});
