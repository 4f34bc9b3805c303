/**
 * Seed 002 consuming groups: organization groups, their member users, and the groups added as consumers of an
 * entitlement's licenses (GET .../entitlements/{entId}/consuming-groups); and GET /users/{userId}/available-licenses,
 * the licenses of the entitlements consumed by the groups a user is a member of.
 */
import { owned } from '../../../lib/entity';
import { BadUserInputError, ConflictError } from '../../../lib/errors';
import { findByIdOrFail, findReferencedOrFail } from '../../../lib/find';
import { requireUuid } from '../../../lib/ids';
import { requiredText } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { MAX_VERSION_TEXT } from '../domain/versions';
import { ConsumingGroup } from '../entities/ConsumingGroup';
import { EntitlementLicense } from '../entities/EntitlementLicense';
import { LicensedItem } from '../entities/LicensedItem';
import { OrganizationGroup } from '../entities/OrganizationGroup';
import { OrganizationGroupMember } from '../entities/OrganizationGroupMember';
import type {
  MutationAddConsumingGroupArgs, OrganizationGroupInput, QueryAvailableLicensesArgs, QueryEntitlementConsumingGroupsArgs,
} from '../generated/graphql';
import { userOf } from './assignments';
import { availableTo } from './consumption-plan';
import { consumedEntitlementIds, loadStates } from './consumption-state';
import { entitlementIdsOf, organizationEntitlement } from './entitlements';
import { recordEntitlementEvent } from './events';

const GROUP_ORDER = { name: 'asc', id: 'asc' } as const;

/** Optional text: trimmed, blank is none. */
function optionalText(value: string | null | undefined, path: ReadonlyArray<string | number>, max = 255): string | null {
  return value?.trim() ? requiredText(value, path, max) : null;
}

export function createOrganizationGroup(em: Em, caller: Caller, input: OrganizationGroupInput): OrganizationGroup {
  const group = owned(Object.assign(new OrganizationGroup(), {
    organizationId: requireUuid(input.organizationId, ['input', 'organizationId']),
    name: requiredText(input.name, ['input', 'name']),
    type: optionalText(input.type, ['input', 'type']),
    description: input.description?.trim() || null,
  }), caller);
  em.persist(group);
  recordEntitlementEvent(em, 'organization-group.created', 'OrganizationGroup', group);
  return group;
}

export async function addGroupMember(em: Em, caller: Caller, groupId: string, userIdArg: string): Promise<OrganizationGroup> {
  const userId = userOf(caller, userIdArg);
  const group = await findByIdOrFail(em, OrganizationGroup, groupId, 'OrganizationGroup');
  if (await em.count(OrganizationGroupMember, { groupId: group.id, userId }) > 0) {
    throw new ConflictError(`User ${JSON.stringify(userId)} is already a member of the group`, { reason: 'ALREADY_MEMBER', argumentPath: ['userId'] });
  }
  em.persist(owned(Object.assign(new OrganizationGroupMember(), { groupId: group.id, userId }), caller));
  recordEntitlementEvent(em, 'organization-group.member.added', 'OrganizationGroup', group, { organizationId: group.organizationId, userId });
  return group;
}

/** The consuming groups of the entitlement(s) a path names, by name, each once. */
export async function entitlementConsumingGroups(em: Em, args: QueryEntitlementConsumingGroupsArgs): Promise<OrganizationGroup[]> {
  const entitlementIds = await entitlementIdsOf(em, args.organizationId, args.entitlementId);
  if (entitlementIds.length === 0) return [];
  const links = await em.find(ConsumingGroup, { entitlementId: { $in: entitlementIds } }, { fields: ['groupId'] });
  if (links.length === 0) return [];
  return em.find(OrganizationGroup, { id: { $in: [...new Set(links.map((l) => l.groupId))] } }, { orderBy: GROUP_ORDER });
}

/** The entitlement of the organization and a group of the same organization, as a consuming-group change names them. */
async function entitlementAndGroup(em: Em, args: MutationAddConsumingGroupArgs) {
  const entitlement = await organizationEntitlement(em, args.organizationId, args.entitlementId);
  const group = await findReferencedOrFail(em, OrganizationGroup, args.groupId, 'Organization group', ['groupId']);
  if (group.organizationId !== entitlement.organizationId) {
    throw new BadUserInputError(`Organization group ${JSON.stringify(args.groupId)} belongs to another organization`, ['groupId']);
  }
  return { entitlement, group };
}

export async function addConsumingGroup(em: Em, caller: Caller, args: MutationAddConsumingGroupArgs): Promise<OrganizationGroup[]> {
  const { entitlement, group } = await entitlementAndGroup(em, args);
  if (await em.count(ConsumingGroup, { entitlementId: entitlement.id, groupId: group.id }) > 0) {
    throw new ConflictError('The group is already a consuming group of the entitlement', { reason: 'ALREADY_CONSUMING', argumentPath: ['groupId'] });
  }
  em.persist(owned(Object.assign(new ConsumingGroup(), { entitlementId: entitlement.id, groupId: group.id }), caller));
  recordEntitlementEvent(em, 'entitlement.consuming-group.added', 'Entitlement', entitlement, { organizationId: entitlement.organizationId, groupId: group.id });
  await em.flush();
  return entitlementConsumingGroups(em, { organizationId: entitlement.organizationId, entitlementId: entitlement.id });
}

export async function removeConsumingGroup(em: Em, args: MutationAddConsumingGroupArgs): Promise<OrganizationGroup[]> {
  const { entitlement, group } = await entitlementAndGroup(em, args);
  const link = await em.findOne(ConsumingGroup, { entitlementId: entitlement.id, groupId: group.id });
  if (!link) throw new BadUserInputError('The group is not a consuming group of the entitlement', ['groupId']);
  em.remove(link);
  recordEntitlementEvent(em, 'entitlement.consuming-group.removed', 'Entitlement', entitlement, { organizationId: entitlement.organizationId, groupId: group.id });
  await em.flush();
  return entitlementConsumingGroups(em, { organizationId: entitlement.organizationId, entitlementId: entitlement.id });
}

/**
 * Seed 002 GET /users/{userId}/available-licenses: the licenses of the entitlements consumed by the user's groups,
 * in the order they were added, that the user may consume now (services/consumption-plan.ts `availableTo`).
 */
export async function availableLicenses(em: Em, caller: Caller, args: QueryAvailableLicensesArgs): Promise<EntitlementLicense[]> {
  const now = new Date();
  const userId = userOf(caller, args.userId);
  const product = args.product?.trim() || null;
  const version = args.version?.trim() || null;
  if (version !== null && version.length > MAX_VERSION_TEXT) throw new BadUserInputError(`version is at most ${MAX_VERSION_TEXT} characters`, ['version']);
  const entitlementIds = await consumedEntitlementIds(em, userId);
  if (entitlementIds.length === 0) return [];
  const itemIds = product === null ? null : (await em.find(LicensedItem, { name: product }, { fields: ['id'] })).map((i) => i.id);
  if (itemIds?.length === 0) return [];
  const bindings = await em.find(EntitlementLicense, {
    entitlementId: { $in: entitlementIds }, ...(itemIds ? { licensedItemId: { $in: itemIds } } : {}),
  }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const states = await loadStates(em, bindings, now, userId);
  return states.filter((state) => availableTo(state, userId, version, now)).map((state) => state.binding);
}
