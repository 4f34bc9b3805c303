import { owned } from '../../../lib/entity';
import { BadUserInputError, ConflictError } from '../../../lib/errors';
import { isUuid } from '../../../lib/ids';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { constraintsOf } from '../domain/license-model';
import { LicensedItem } from '../entities/LicensedItem';
import { LicenseModel } from '../entities/LicenseModel';
import type { LicensedItemInput, LicenseModelInput } from '../generated/graphql';
import { findOrFail, requiredName } from './common';
import { recordEntitlementEvent } from './events';

/** Licensed item names are unique in an account: they are what clients name when they check licenses. */
async function checkItemNameFree(em: Em, name: string): Promise<void> {
  if (await em.count(LicensedItem, { name }) > 0) {
    throw new ConflictError(`A licensed item named ${JSON.stringify(name)} already exists`, { argumentPath: ['input', 'name'] });
  }
}

/** The items an item aggregates: each must exist (one query for all of them); listed once each. */
async function aggregatedItemIdsOf(em: Em, ids: ReadonlyArray<string>): Promise<string[]> {
  const wellFormed = ids.filter(isUuid).map((id) => id.toLowerCase());
  const found = new Set((wellFormed.length ? await em.find(LicensedItem, { id: { $in: wellFormed } }, { fields: ['id'] }) : []).map((item) => item.id));
  const missing = ids.findIndex((id) => !found.has(id.toLowerCase()));
  if (missing >= 0) {
    throw new BadUserInputError(`Licensed item ${JSON.stringify(ids[missing])} was not found`, ['input', 'aggregatedItemIds', missing]);
  }
  return [...new Set(wellFormed)];
}

export async function createLicensedItem(em: Em, caller: Caller, input: LicensedItemInput): Promise<LicensedItem> {
  const name = requiredName(input.name, ['input', 'name']);
  await checkItemNameFree(em, name);
  const aggregatedItemIds = await aggregatedItemIdsOf(em, input.aggregatedItemIds ?? []);
  const item = owned(Object.assign(new LicensedItem(), {
    name, displayName: input.displayName ?? null, description: input.description ?? null,
    type: input.type ?? null, version: input.version ?? null, aggregatedItemIds,
  }), caller);
  em.persist(item);
  recordEntitlementEvent(em, 'licensed-item.created', 'LicensedItem', item);
  return item;
}

async function checkModelNameFree(em: Em, name: string, exceptId?: string): Promise<void> {
  const clash = await em.findOne(LicenseModel, { name });
  if (clash && clash.id !== exceptId) {
    throw new ConflictError(`A license model named ${JSON.stringify(name)} already exists`, { argumentPath: ['input', 'name'] });
  }
}

export async function createLicenseModel(em: Em, caller: Caller, input: LicenseModelInput): Promise<LicenseModel> {
  const name = requiredName(input.name, ['input', 'name']);
  const constraints = constraintsOf(input);
  await checkModelNameFree(em, name);
  const model = owned(Object.assign(new LicenseModel(), constraints, { name, description: input.description ?? null }), caller);
  em.persist(model);
  recordEntitlementEvent(em, 'license-model.created', 'LicenseModel', model);
  return model;
}

/** Absent fields keep their value; a constraint given as null is removed (see constraintsOf). */
export async function updateLicenseModel(em: Em, id: string, input: LicenseModelInput): Promise<LicenseModel> {
  const model = await findOrFail(em, LicenseModel, 'LicenseModel', id);
  const constraints = constraintsOf(input);
  if (input.name !== undefined) {
    model.name = requiredName(input.name, ['input', 'name']);
    await checkModelNameFree(em, model.name, model.id);
  }
  if (input.description !== undefined) model.description = input.description;
  Object.assign(model, constraints);
  recordEntitlementEvent(em, 'license-model.updated', 'LicenseModel', model);
  return model;
}
