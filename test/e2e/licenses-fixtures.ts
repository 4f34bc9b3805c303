/**
 * Helpers of the licenses end-to-end suites: products, policies and licenses created through the gateway, and the
 * few states no mutation can reach on purpose (a check-in already missed) moved there in the database.
 */
import type { FilterQuery } from '@mikro-orm/core';
import { License } from '../../subgraphs/licenses/entities/License';
import { outboxTypes } from '../testkit/outbox';
import type { TestStack } from '../testkit/stack';

export type Input = Record<string, unknown>;

export interface NewLicense {
  id: string;
  key: string;
  productId: string;
  policyId: string;
}

export const DAY = 86_400;
export const KEY_PATTERN = /^[0-9A-F]{6}(-[0-9A-F]{6}){4}-V3$/;

const CREATE_PRODUCT = `mutation($input: ProductInput!) { createProduct(input: $input) { id } }`;
const CREATE_POLICY = `mutation($input: PolicyInput!) { createPolicy(input: $input) { id } }`;
const CREATE_LICENSE = `mutation($input: LicenseInput!) { createLicense(input: $input) { id key } }`;

export async function newProduct(t: TestStack, name = 'Editor'): Promise<string> {
  return (await t.gateway.ok(CREATE_PRODUCT, { input: { name } })).createProduct.id;
}

export async function newPolicy(t: TestStack, policy: Input = {}, productId?: string): Promise<{ productId: string; policyId: string }> {
  const product = productId ?? (await newProduct(t));
  const { createPolicy } = await t.gateway.ok(CREATE_POLICY, { input: { productId: product, name: 'Std', ...policy } });
  return { productId: product, policyId: createPolicy.id };
}

/** A license of a new policy (of a new product): `policy` and `license` are the inputs on top of the defaults. */
export async function newLicense(t: TestStack, policy: Input = {}, license: Input = {}): Promise<NewLicense> {
  const { productId, policyId } = await newPolicy(t, policy);
  const { createLicense } = await t.gateway.ok(CREATE_LICENSE, { input: { policyId, ...license } });
  return { id: createLicense.id, key: createLicense.key, productId, policyId };
}

/** Another license of an existing policy. */
export async function licenseOf(t: TestStack, policyId: string, license: Input = {}): Promise<{ id: string; key: string }> {
  return (await t.gateway.ok(CREATE_LICENSE, { input: { policyId, ...license } })).createLicense;
}

/** A user of a new organization. */
export async function newUser(t: TestStack, email: string): Promise<{ userId: string; organizationId: string }> {
  const { createOrganization } = await t.gateway.ok(`mutation { createOrganization(input: { name: "Acme" }) { id } }`);
  const { createUser } = await t.gateway.ok(
    `mutation($input: UserInput!) { createUser(input: $input) { id } }`,
    { input: { organizationId: createOrganization.id, email } },
  );
  return { userId: createUser.id, organizationId: createOrganization.id };
}

/** Writes columns of a license directly: for states in the past that no mutation sets (a missed check-in). */
export async function setLicenseColumns(t: TestStack, id: string, values: Partial<License>): Promise<void> {
  const em = t.stack.subgraphs.licenses.orm.em.fork();
  await em.nativeUpdate(License, { id } as FilterQuery<License>, values, { filters: false });
}

/** Event types recorded in the outbox for an entity, oldest first. */
export function eventTypes(t: TestStack, entityId: string): Promise<string[]> {
  return outboxTypes(t.stack.subgraphs.licenses.orm, { entityId });
}

/** An instant `seconds` from now as ISO-8601 (negative = in the past). */
export function fromNow(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toISOString();
}

/** `actual` (an ISO string) lies within `slackMs` of `expectedMs`. */
export function expectInstant(actual: string | null, expectedMs: number, slackMs = 15_000): void {
  expect(actual).not.toBeNull();
  const ms = Date.parse(actual!);
  expect(Math.abs(ms - expectedMs)).toBeLessThanOrEqual(slackMs);
}
