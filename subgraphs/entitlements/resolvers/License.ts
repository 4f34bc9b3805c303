import { hasNotEnded, reservationsAt, seatsTakenAt } from '../domain/assignments';
import { seatsTotal, selectCredits } from '../domain/validity';
import type { License as LicenseRef } from '../entities/License';
import { seatSessions } from '../services/consumption-state';
import type { CreditInclusion, LicenseResolvers } from '../generated/graphql';
import type { Context } from '../context';

const binding = (license: LicenseRef, { loaders }: Context) => loaders.bindingByLicense.load(license.id);

async function model(license: LicenseRef, ctx: Context) {
  const bound = await binding(license, ctx);
  return bound ? ctx.loaders.licenseModel.load(bound.licenseModelId) : null;
}

/** The field's own `include`, else what `entitlementLicenses` asked for, else every credit. */
const inclusion = (license: LicenseRef, include: CreditInclusion | null | undefined): CreditInclusion =>
  include ?? license.creditInclusion ?? 'ALL';

/**
 * License fields contributed by the entitlements subgraph. The parent is a reference (the key,
 * maybe with the include options of entitlementLicenses); every field reads through loaders.
 */
export const License: LicenseResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  entitlementLicense: (license, _, ctx) => binding(license, ctx),
  entitlement: async (license, _, ctx) => {
    const bound = await binding(license, ctx);
    return bound ? ctx.loaders.entitlement.load(bound.entitlementId) : null;
  },
  licensedItem: async (license, _, ctx) => {
    const bound = await binding(license, ctx);
    return bound ? ctx.loaders.licensedItem.load(bound.licensedItemId) : null;
  },
  licenseModelId: async (license, _, ctx) => (await binding(license, ctx))?.licenseModelId ?? null,
  licenseModelName: async (license, _, ctx) => (await model(license, ctx))?.name ?? null,
  // seed 002: "If not specified, no [model] details are returned" when listed by entitlementLicenses
  effectiveLicenseModel: (license, _, ctx) => (license.includeEffectiveModel === false ? null : model(license, ctx)),
  scopeBindings: async (license, _, ctx) => (await binding(license, ctx))?.scopeBindings ?? [],
  seatsTotal: async (license, _, { loaders }) => seatsTotal(await loaders.seatCountCreditsByLicense.load(license.id), new Date()),
  // a live session charged to a seat credit holds one seat (sessions of models without seat counting hold none);
  // a reservation holds one whether consumed or not, and a reserved user's session goes into the reserved seat
  seatsTaken: async (license, _, { loaders }) => {
    const [assignments, sessions] = await Promise.all([loaders.assignmentsByLicense.load(license.id), loaders.liveSessionsByLicense.load(license.id)]);
    return seatsTakenAt(assignments, seatSessions(sessions), new Date());
  },
  seatsReserved: async (license, _, { loaders }) => reservationsAt(await loaders.assignmentsByLicense.load(license.id), new Date()).length,
  sessions: (license, _, { loaders }) => loaders.liveSessionsByLicense.load(license.id),
  assignments: async (license, _, { loaders }) => {
    const now = new Date();
    return (await loaders.assignmentsByLicense.load(license.id)).filter((a) => hasNotEnded(a, now));
  },
  seatCountCredits: async (license, { include }, { loaders }) =>
    selectCredits(await loaders.seatCountCreditsByLicense.load(license.id), inclusion(license, include), new Date()),
  useCountCredits: async (license, { include }, { loaders }) =>
    selectCredits(await loaders.useCountCreditsByLicense.load(license.id), inclusion(license, include), new Date()),
  useTimeCredits: async (license, { include }, { loaders }) =>
    selectCredits(await loaders.useTimeCreditsByLicense.load(license.id), inclusion(license, include), new Date()),
};
