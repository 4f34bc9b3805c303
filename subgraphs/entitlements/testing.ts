/** Helpers of the entitlements subgraph tests: create the rows a test needs through the API. */
import { randomUUID } from 'node:crypto';
import type { TestClient } from '../../test/testkit/graphql';

export const PAST = '2020-01-01T00:00:00.000Z';
export const FAR_FUTURE = '2100-01-01T00:00:00.000Z';

export async function createItem(api: TestClient, name = `item-${randomUUID()}`): Promise<string> {
  const { createLicensedItem } = await api.ok(`mutation($n: String!) { createLicensedItem(input: { name: $n }) { id } }`, { n: name });
  return createLicensedItem.id;
}

export async function createModel(api: TestClient, name = `model-${randomUUID()}`): Promise<string> {
  const { createLicenseModel } = await api.ok(`mutation($n: String!) { createLicenseModel(input: { name: $n, seatCountConstraint: {} }) { id } }`, { n: name });
  return createLicenseModel.id;
}

export async function createEntitlement(api: TestClient, organizationId: string, name = 'Design suite'): Promise<string> {
  const { createEntitlement } = await api.ok(
    `mutation($o: ID!, $n: String!) { createEntitlement(input: { organizationId: $o, name: $n, validFrom: "${PAST}" }) { id } }`,
    { o: organizationId, n: name });
  return createEntitlement.id;
}

export interface Binding {
  organizationId: string;
  entitlementId: string;
  licenseId: string;
  licensedItemId: string;
  licenseModelId: string;
}

/**
 * An organization's entitlement with one license in it (fresh ids for the license and the organization); `extra`
 * adds fields of EntitlementLicenseInput (e.g. `validFrom`, without which the license is not valid for consumption).
 */
export async function bindLicense(api: TestClient, given: Partial<Binding> = {}, extra: Record<string, unknown> = {}): Promise<Binding> {
  const organizationId = given.organizationId ?? randomUUID();
  const binding: Binding = {
    organizationId,
    entitlementId: given.entitlementId ?? await createEntitlement(api, organizationId),
    licenseId: given.licenseId ?? randomUUID(),
    licensedItemId: given.licensedItemId ?? await createItem(api),
    licenseModelId: given.licenseModelId ?? await createModel(api),
  };
  const { organizationId: _org, ...input } = binding;
  await api.ok(`mutation($i: EntitlementLicenseInput!) { addEntitlementLicense(input: $i) { id } }`, { i: { ...input, ...extra } });
  return binding;
}

export const CREATE_MODEL = 'mutation($i: LicenseModelInput!) { createLicenseModel(input: $i) { id } }';

/** The token subjects the consumption tests consume as (`me`: the caller of `api`). */
export const CONSUMERS: readonly string[] = [
  'me', 'alice', 'ann', 'bob', 'carol', 'a', 'b', 'c', ...Array.from({ length: 12 }, (_, i) => `user-${i}`), ...Array.from({ length: 6 }, (_, i) => `consumer-${i}`),
];

/**
 * Lets `users` consume the licenses of the binding's entitlement (seed 002): a new group of its organization with
 * those members (one request), added as a consuming group of the entitlement. Returns the group's id.
 */
export async function allowConsumers(api: TestClient, b: Pick<Binding, 'organizationId' | 'entitlementId'>, users: readonly string[] = CONSUMERS): Promise<string> {
  const { createOrganizationGroup: group } = await api.ok(
    'mutation($o: ID!) { createOrganizationGroup(input: { organizationId: $o, name: "Consumers" }) { id } }', { o: b.organizationId });
  const members = users.map((_, i) => `m${i}: addGroupMember(groupId: $g, userId: $u${i}) { id }`).join('\n');
  const vars = users.map((_, i) => `$u${i}: String!`).join(', ');
  if (users.length > 0) await api.ok(`mutation($g: ID!${vars ? `, ${vars}` : ''}) { ${members} }`, { g: group.id, ...Object.fromEntries(users.map((u, i) => [`u${i}`, u])) });
  await api.ok('mutation($o: ID!, $e: ID!, $g: ID!) { addConsumingGroup(organizationId: $o, entitlementId: $e, groupId: $g) { id } }',
    { o: b.organizationId, e: b.entitlementId, g: group.id });
  return group.id;
}

/**
 * A licensed item (`item`, its unique name) with one license of a new model (`model`: a LicenseModelInput without
 * its name), valid since PAST, granted the order lines `lines`. `given` fixes ids, e.g. a real license's. A new
 * entitlement gets a consuming group of the `consumers` (allowConsumers; none: no group).
 */
export async function licenseWith(
  api: TestClient, model: Record<string, unknown>, lines: (b: Binding) => Array<Record<string, unknown>>, given: Partial<Binding> = {},
  consumers: readonly string[] = CONSUMERS,
): Promise<Binding & { item: string }> {
  const { createLicenseModel } = await api.ok(CREATE_MODEL, { i: { name: `model-${randomUUID()}`, ...model } });
  const item = `item-${randomUUID()}`;
  const b = await bindLicense(api, { licenseModelId: createLicenseModel.id, licensedItemId: await createItem(api, item), ...given }, { validFrom: PAST });
  if (!given.entitlementId && consumers.length > 0) await allowConsumers(api, b, consumers);
  await api.ok(PLACE_ORDER, { i: { organizationId: b.organizationId, lines: lines(b) } });
  return { ...b, item };
}

export const PLACE_ORDER = `mutation($i: LicenseOrderInput!) {
  placeLicenseOrder(input: $i) { id canceled orderLines { id creditType quantity licenseId orderValidFrom orderValidUntil } }
}`;

export function seatLine(b: Binding, quantity: number, from: string | null = PAST, until: string | null = FAR_FUTURE) {
  return { licenseId: b.licenseId, licensedItemId: b.licensedItemId, creditType: 'SEAT_COUNT', quantity, orderValidFrom: from, orderValidUntil: until };
}
