/*
 * Entitlement states (seed 003 Get license entitlement states) and how a computer's or a user's tracking rows
 * give one: the rows of one holder, application and metric are summed, and the received coverage is compared
 * with the requirement. Pure: no database, no GraphQL.
 */
import { compareIds } from './coverage';

export type EntitlementStateCode = 'COVERED' | 'PARTIALLY_COVERED' | 'NOT_COVERED' | 'NOT_REQUIRED';

export interface EntitlementState { id: string; code: EntitlementStateCode; name: string; description: string }

/** The fixed catalog, in the order of the enumeration. The IDs are stable: clients may keep them. */
export const ENTITLEMENT_STATES: readonly EntitlementState[] = [
  { id: '7c1a6f40-5d2b-4e0a-9b1e-000000000001', code: 'COVERED', name: 'Covered',
    description: 'The licenses cover the whole requirement.' },
  { id: '7c1a6f40-5d2b-4e0a-9b1e-000000000002', code: 'PARTIALLY_COVERED', name: 'Partially covered',
    description: 'The licenses cover part of the requirement, not all of it.' },
  { id: '7c1a6f40-5d2b-4e0a-9b1e-000000000003', code: 'NOT_COVERED', name: 'Not covered',
    description: 'There is a requirement and no license covers any of it.' },
  { id: '7c1a6f40-5d2b-4e0a-9b1e-000000000004', code: 'NOT_REQUIRED', name: 'Not required',
    description: 'Nothing needs a license, e.g. the use is covered by another metric or excluded.' },
];

const BY_CODE = new Map(ENTITLEMENT_STATES.map((state) => [state.code, state]));

function entitlementStateOf(code: EntitlementStateCode): EntitlementState {
  return BY_CODE.get(code)!;
}

/** The state that a requirement and a received coverage (both whole numbers, at least 0) give. */
export function entitlementState(requirement: number, receivedCoverage: number): EntitlementState {
  if (requirement <= 0) return entitlementStateOf('NOT_REQUIRED');
  if (receivedCoverage >= requirement) return entitlementStateOf('COVERED');
  return entitlementStateOf(receivedCoverage > 0 ? 'PARTIALLY_COVERED' : 'NOT_COVERED');
}

/** What an entitlement needs of a tracking row: its holder (a computer or a user), application, metric and counters. */
export interface TrackedUse { holderId: string; applicationId: string; metricId: string; requirement: number; receivedCoverage: number }

export interface Entitlement {
  holderId: string; applicationId: string; metricId: string;
  requirement: number; receivedCoverage: number; entitlementStateId: string; entitlementState: EntitlementState;
}

/**
 * One entitlement per holder, application and metric: the requirement and the received coverage of its rows
 * summed, and the state they give; ordered by holder, application and metric ID.
 */
export function entitlements(rows: readonly TrackedUse[]): Entitlement[] {
  const byKey = new Map<string, Omit<Entitlement, 'entitlementStateId' | 'entitlementState'>>();
  for (const row of rows) {
    const key = `${row.holderId}/${row.applicationId}/${row.metricId}`;
    const sum = byKey.get(key) ?? { holderId: row.holderId, applicationId: row.applicationId, metricId: row.metricId, requirement: 0, receivedCoverage: 0 };
    sum.requirement += row.requirement;
    sum.receivedCoverage += row.receivedCoverage;
    byKey.set(key, sum);
  }
  return [...byKey.values()]
    .map((sum) => {
      const state = entitlementState(sum.requirement, sum.receivedCoverage);
      return { ...sum, entitlementStateId: state.id, entitlementState: state };
    })
    .sort((a, b) => compareIds(a.holderId, b.holderId) || compareIds(a.applicationId, b.applicationId) || compareIds(a.metricId, b.metricId));
}
