import { assignedQuantity, overAssignedIds, unassignedQuantity, type Consumption } from './over-assignment';

const at = (ms: number) => new Date(Date.UTC(2024, 0, 1) + ms);
const item = (id: string, quantity: number, createdAt: Date, extra: Partial<Consumption> = {}): Consumption =>
  ({ id, kind: 'computer', quantity, createdAt, batchPosition: 0, ...extra });

describe('overAssignedIds', () => {
  test('flags nothing while the total stays within the quantity', () => {
    expect(overAssignedIds([item('a', 2, at(0)), item('b', 1, at(1))], 3)).toEqual(new Set());
  });

  test('flags the assignment that exceeds the quantity and every later one, not the earlier ones', () => {
    const items = [item('c', 1, at(2)), item('a', 2, at(0)), item('b', 2, at(1))];
    expect(overAssignedIds(items, 3)).toEqual(new Set(['b', 'c']));
  });

  test('an assignment alone above the quantity is over-assigned', () => {
    expect(overAssignedIds([item('a', 5, at(0))], 4)).toEqual(new Set(['a']));
  });

  test('rows made by one request consume in their input order', () => {
    const items = [item('z', 1, at(0), { batchPosition: 0 }), item('y', 1, at(0), { batchPosition: 1 })];
    expect(overAssignedIds(items, 1)).toEqual(new Set(['y']));
  });

  test('at the same instant and position computers come before datacenters and users', () => {
    const items = [item('u', 1, at(0), { kind: 'user' }), item('d', 1, at(0), { kind: 'datacenter' }), item('c', 1, at(0))];
    expect(overAssignedIds(items, 2)).toEqual(new Set(['u']));
  });

  test('a license without a quantity has no limit to exceed', () => {
    expect(overAssignedIds([item('a', 1000, at(0))], null)).toEqual(new Set());
  });

  test('a quantity of 0 makes every assignment over-assigned', () => {
    expect(overAssignedIds([item('a', 1, at(0)), item('b', 1, at(1))], 0)).toEqual(new Set(['a', 'b']));
  });
});

describe('assigned and unassigned quantities', () => {
  const items = [item('a', 2, at(0)), item('b', 3, at(1), { kind: 'user' })];

  test('the assigned quantity sums every consuming assignment', () => {
    expect(assignedQuantity(items)).toBe(5);
  });

  test('the unassigned quantity is what is left, never negative, null without a quantity', () => {
    expect(unassignedQuantity(items, 8)).toBe(3);
    expect(unassignedQuantity(items, 4)).toBe(0);
    expect(unassignedQuantity(items, null)).toBeNull();
  });
});
