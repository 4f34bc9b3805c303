import { owned } from '../../../lib/entity';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import { isUuid, requireUuid } from '../../../lib/ids';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { Entitlement } from '../entities/Entitlement';
import { EntitlementLicense } from '../entities/EntitlementLicense';
import { LicensedItem } from '../entities/LicensedItem';
import { LicenseModel } from '../entities/LicenseModel';
import type { EntitlementInput, EntitlementLicenseInput } from '../generated/graphql';
import { checkPeriod, referenced, requiredName } from './common';
import { recordEntitlementEvent } from './events';

/** Seed 002: `entId` may be `any` "in cases where multiple entitlements can be accepted". */
export const ANY_ENTITLEMENT = 'any';

export function createEntitlement(em: Em, caller: Caller, input: EntitlementInput): Entitlement {
  const name = requiredName(input.name, ['input', 'name']);
  checkPeriod(input.validFrom, input.validUntil, ['input', 'validUntil']);
  const organizationId = requireUuid(input.organizationId, ['input', 'organizationId']);
  const entitlement = owned(Object.assign(new Entitlement(), {
    organizationId, name, description: input.description ?? null,
    validFrom: input.validFrom ?? null, validUntil: input.validUntil ?? null,
  }), caller);
  em.persist(entitlement);
  recordEntitlementEvent(em, 'entitlement.created', 'Entitlement', entitlement);
  return entitlement;
}

/** Puts a license (licenses subgraph) in an entitlement; a license is in at most one entitlement. */
export async function addEntitlementLicense(em: Em, caller: Caller, input: EntitlementLicenseInput): Promise<EntitlementLicense> {
  checkPeriod(input.validFrom, input.validUntil, ['input', 'validUntil']);
  // the license is another subgraph's: only the format of its ID can be checked here
  const licenseId = requireUuid(input.licenseId, ['input', 'licenseId']);
  const entitlement = await referenced(em, Entitlement, 'Entitlement', input.entitlementId, ['input', 'entitlementId']);
  const item = await referenced(em, LicensedItem, 'Licensed item', input.licensedItemId, ['input', 'licensedItemId']);
  const model = await referenced(em, LicenseModel, 'License model', input.licenseModelId, ['input', 'licenseModelId']);
  const existing = await em.findOne(EntitlementLicense, { licenseId });
  if (existing) {
    throw new ConflictError(`License ${JSON.stringify(licenseId)} is already in entitlement ${JSON.stringify(existing.entitlementId)}`,
      { argumentPath: ['input', 'licenseId'] });
  }
  const binding = owned(Object.assign(new EntitlementLicense(), {
    entitlementId: entitlement.id, licenseId, licensedItemId: item.id, licenseModelId: model.id,
    validFrom: input.validFrom ?? null, validUntil: input.validUntil ?? null, active: input.active ?? true,
    scopeBindings: (input.scopeBindings ?? []).map((s) => ({ type: s.type, externalId: s.externalId ?? null, externalName: s.externalName ?? null })),
  }), caller);
  em.persist(binding);
  recordEntitlementEvent(em, 'entitlement.license.added', 'EntitlementLicense', binding);
  return binding;
}

/**
 * The entitlement of the organization that a seed 002 path names (NOT_FOUND for one of another organization).
 */
export async function organizationEntitlement(em: Em, organizationId: string, entitlementId: string): Promise<Entitlement> {
  const organization = requireUuid(organizationId, ['organizationId']);
  const entitlement = isUuid(entitlementId) ? await em.findOne(Entitlement, { id: entitlementId.toLowerCase(), organizationId: organization }) : null;
  if (!entitlement) throw new NotFoundError('Entitlement', entitlementId);
  return entitlement;
}

/** The ids of the entitlements a seed 002 path names: the one named, or with `any` every entitlement of the organization. */
export async function entitlementIdsOf(em: Em, organizationId: string, entitlementId: string): Promise<string[]> {
  if (entitlementId !== ANY_ENTITLEMENT) return [(await organizationEntitlement(em, organizationId, entitlementId)).id];
  const organization = requireUuid(organizationId, ['organizationId']);
  return (await em.find(Entitlement, { organizationId: organization }, { fields: ['id'] })).map((e) => e.id);
}

/**
 * Seed 002 GET .../entitlements/{entId}/licenses: the licenses of an entitlement of the
 * organization, in the order they were added; `any` takes every entitlement of the organization.
 * An entitlement of another organization is not found (the path names the organization).
 */
export async function entitlementLicenses(em: Em, organizationId: string, entitlementId: string): Promise<EntitlementLicense[]> {
  const entitlementIds = await entitlementIdsOf(em, organizationId, entitlementId);
  if (entitlementIds.length === 0) return [];
  return em.find(EntitlementLicense, { entitlementId: { $in: entitlementIds } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}
