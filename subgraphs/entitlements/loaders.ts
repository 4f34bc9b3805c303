import DataLoader from 'dataloader';
import { byIdLoader, byParentLoader } from '../../lib/loaders';
import type { Em } from '../../lib/orm';
import { Entitlement } from './entities/Entitlement';
import { EntitlementLicense } from './entities/EntitlementLicense';
import { LicenseAssignment } from './entities/LicenseAssignment';
import { LicensedItem } from './entities/LicensedItem';
import { LicenseModel } from './entities/LicenseModel';
import { LicenseOrder } from './entities/LicenseOrder';
import { LicenseLease } from './entities/LicenseLease';
import { LicenseOrderLine } from './entities/LicenseOrderLine';
import { LicenseSession } from './entities/LicenseSession';
import { OrganizationGroup } from './entities/OrganizationGroup';
import { OrganizationGroupMember } from './entities/OrganizationGroupMember';
import { SeatCountCredit } from './entities/SeatCountCredit';
import { UseCountCredit } from './entities/UseCountCredit';
import { UseTimeCredit } from './entities/UseTimeCredit';
import { liveSessionsAt } from './services/consumption-state';

/** The binding of each license to its entitlement (at most one per license: a unique column). */
function bindingByLicenseLoader(em: Em): DataLoader<string, EntitlementLicense | null> {
  const byLicense = byParentLoader(em, EntitlementLicense, 'licenseId');
  return new DataLoader<string, EntitlementLicense | null>(async (licenseIds) =>
    (await byLicense.loadMany(licenseIds)).map((rows) => (rows instanceof Error ? rows : rows[0] ?? null)));
}

const CREDIT_ORDER = { validFrom: 'asc', createdAt: 'asc', id: 'asc' } as const;

/** The request-scoped loaders of the entitlements subgraph (made by createContext, once per request). */
export function createLoaders(em: Em) {
  // sessions live at the start of the request: those whose seat hold has not passed
  const live = liveSessionsAt(new Date());
  return {
    entitlement: byIdLoader(em, Entitlement),
    entitlementLicense: byIdLoader(em, EntitlementLicense),
    licensedItem: byIdLoader(em, LicensedItem),
    licenseModel: byIdLoader(em, LicenseModel),
    licenseOrder: byIdLoader(em, LicenseOrder),
    seatCountCredit: byIdLoader(em, SeatCountCredit),
    useCountCredit: byIdLoader(em, UseCountCredit),
    useTimeCredit: byIdLoader(em, UseTimeCredit),
    bindingByLicense: bindingByLicenseLoader(em),
    bindingsByEntitlement: byParentLoader(em, EntitlementLicense, 'entitlementId', { createdAt: 'asc', id: 'asc' }),
    entitlementsByOrganization: byParentLoader(em, Entitlement, 'organizationId', { name: 'asc', id: 'asc' }),
    linesByOrder: byParentLoader(em, LicenseOrderLine, 'licenseOrderId', { position: 'asc' }),
    seatCountCreditsByLicense: byParentLoader(em, SeatCountCredit, 'licenseId', CREDIT_ORDER),
    useCountCreditsByLicense: byParentLoader(em, UseCountCredit, 'licenseId', CREDIT_ORDER),
    useTimeCreditsByLicense: byParentLoader(em, UseTimeCredit, 'licenseId', CREDIT_ORDER),
    licenseSession: byIdLoader(em, LicenseSession),
    licenseLease: byIdLoader(em, LicenseLease),
    liveSessionsByLicense: byParentLoader(em, LicenseSession, 'licenseId', { createdAt: 'asc', id: 'asc' }, live),
    liveSessionsBySeatCredit: byParentLoader(em, LicenseSession, 'seatCountCreditId', {}, live),
    leasesBySession: byParentLoader(em, LicenseLease, 'sessionId', { createdAt: 'desc', id: 'desc' }),
    organizationGroup: byIdLoader(em, OrganizationGroup),
    membersByGroup: byParentLoader(em, OrganizationGroupMember, 'groupId', { userId: 'asc' }),
    assignmentsByLicense: byParentLoader(em, LicenseAssignment, 'licenseId', { userId: 'asc', validFrom: 'asc', createdAt: 'asc', id: 'asc' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
