import { owned } from '../../../lib/entity';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { constraintsOf } from '../domain/license-model';
import { LicensedItem } from '../entities/LicensedItem';
import { LicenseModel } from '../entities/LicenseModel';
import type { LicensedItemInput, LicenseModelInput } from '../generated/graphql';
import { referenced, requiredName } from './common';
import { recordEntitlementEvent } from './events';

/** Licensed item names are unique in an account: they are what clients name when they check licenses. */
async function checkItemNameFree(em: Em, name: string): Promise<void> {
  if (await em.count(LicensedItem, { name }) > 0) {
    throw new ConflictError(`A licensed item named ${JSON.stringify(name)} already exists`, { argumentPath: ['input', 'name'] });
  }
}

export async function createLicensedItem(em: Em, caller: Caller, input: LicensedItemInput): Promise<LicensedItem> {
  const name = requiredName(input.name, ['input', 'name']);
  await checkItemNameFree(em, name);
  const aggregatedItemIds = [...new Set(input.aggregatedItemIds ?? [])];
  for (const [i, id] of aggregatedItemIds.entries()) await referenced(em, LicensedItem, 'Licensed item', id, ['input', 'aggregatedItemIds', i]);
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
  const model = await em.findOne(LicenseModel, { id });
  if (!model) throw new NotFoundError('LicenseModel', id);
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
