import { owned } from '../../../lib/entity';
import { BadUserInputError } from '../../../lib/errors';
import { findByIdOrFail, findReferencedOrFail } from '../../../lib/find';
import { requireUuid } from '../../../lib/ids';
import { nonNegative } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { Organization } from '../entities/Organization';
import { Policy } from '../entities/Policy';
import { Product } from '../entities/Product';
import { User } from '../entities/User';
import type { OrganizationInput, PolicyInput, ProductInput, UserInput, UserUpdateInput } from '../generated/graphql';

function defined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

export function createProduct(em: Em, caller: Caller, input: ProductInput): Product {
  const product = owned(Object.assign(new Product(), defined(input)), caller);
  em.persist(product);
  return product;
}

const POLICY_COUNTS = ['duration', 'maxMachines', 'maxProcesses', 'maxUsers', 'maxCores', 'maxUses', 'heartbeatDuration', 'checkInInterval'] as const;

export async function createPolicy(em: Em, caller: Caller, input: PolicyInput): Promise<Policy> {
  const product = await findReferencedOrFail(em, Product, input.productId, 'Product', ['input', 'productId']);
  for (const field of POLICY_COUNTS) nonNegative(input[field], ['input', field]);
  if (input.requireCheckIn && !input.checkInInterval) {
    throw new BadUserInputError('checkInInterval is required when requireCheckIn is set', ['input', 'checkInInterval']);
  }
  const policy = owned(Object.assign(new Policy(), defined(input), { productId: product.id }), caller);
  if (input.floating === undefined || input.floating === null) policy.floating = policy.type !== 'NODE_LOCKED';
  em.persist(policy);
  return policy;
}

export function createOrganization(em: Em, caller: Caller, input: OrganizationInput): Organization {
  if (input.resellerId) requireUuid(input.resellerId, ['input', 'resellerId']);
  const org = owned(Object.assign(new Organization(), defined(input)), caller);
  em.persist(org);
  return org;
}

export async function createUser(em: Em, caller: Caller, input: UserInput): Promise<User> {
  const organization = input.organizationId
    ? await findReferencedOrFail(em, Organization, input.organizationId, 'Organization', ['input', 'organizationId'])
    : null;
  if (input.resellerId) requireUuid(input.resellerId, ['input', 'resellerId']);
  if (input.metadata !== undefined && input.metadata !== null && !isStringMap(input.metadata)) {
    throw new BadUserInputError('metadata must be an object of string values', ['input', 'metadata']);
  }
  const user = owned(Object.assign(new User(), defined(input), organization ? { organizationId: organization.id } : {}), caller);
  em.persist(user);
  return user;
}

/** Only the fields given change; `banned` and `tags` cannot be cleared with null, `role` can. */
export async function updateUser(em: Em, id: string, input: UserUpdateInput): Promise<User> {
  const user = await findByIdOrFail(em, User, id, 'User');
  if (input.banned !== undefined && input.banned !== null) user.banned = input.banned;
  if (input.role !== undefined) user.role = input.role ?? null;
  if (input.tags) user.tags = input.tags;
  return user;
}

function isStringMap(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}
