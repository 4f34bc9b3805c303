/**
 * Demo data of the entitlements subgraph: two licensed items, two license models, one
 * entitlement per demo organization holding that organization's demo licenses (all but the
 * last, which stays in no entitlement), and one license order per organization granting seat,
 * use count and use time credits to those licenses. Each organization has a `licenseConsumers` group holding the
 * demo admin (the subject of the token `npm start` prints), a consuming group of the organization's entitlement, so
 * that token can consume the demo licenses.
 */
import type { Em } from '../../lib/orm';
import { ConsumingGroup } from '../../subgraphs/entitlements/entities/ConsumingGroup';
import { Entitlement } from '../../subgraphs/entitlements/entities/Entitlement';
import { EntitlementLicense } from '../../subgraphs/entitlements/entities/EntitlementLicense';
import { LicensedItem } from '../../subgraphs/entitlements/entities/LicensedItem';
import { LicenseModel } from '../../subgraphs/entitlements/entities/LicenseModel';
import { LicenseOrder } from '../../subgraphs/entitlements/entities/LicenseOrder';
import { LicenseOrderLine } from '../../subgraphs/entitlements/entities/LicenseOrderLine';
import { OrganizationGroup } from '../../subgraphs/entitlements/entities/OrganizationGroup';
import { OrganizationGroupMember } from '../../subgraphs/entitlements/entities/OrganizationGroupMember';
import { SeatCountCredit } from '../../subgraphs/entitlements/entities/SeatCountCredit';
import { UseCountCredit } from '../../subgraphs/entitlements/entities/UseCountCredit';
import { UseTimeCredit } from '../../subgraphs/entitlements/entities/UseTimeCredit';
import type { CreditType } from '../../subgraphs/entitlements/generated/graphql';
import { DEMO, DEMO_ADMIN_SUBJECT } from './ids';
import { LICENSE_PLACEMENT } from './licenses';

const accountId = DEMO.accountId;
const DAY = 86_400_000;
const YEAR_START = new Date('2025-01-01T00:00:00.000Z');
const YEAR_END = new Date('2030-01-01T00:00:00.000Z');

/** A license goes into its organization's entitlement; its policy decides the item and the model. */
const LICENSE_ORGANIZATION = LICENSE_PLACEMENT.map((p) => p.organization);
const LICENSE_POLICY = LICENSE_PLACEMENT.map((p) => p.policy);
/** Policies 0-1 sell the Studio Editor product, 2-3 the Render Farm; 1 and 2 are floating. */
const ITEM_OF_POLICY = [0, 0, 1, 1];
const MODEL_OF_POLICY = [1, 0, 0, 1];

/** The licenses in entitlements: every demo license but the last. */
export const ENTITLED_LICENSES = DEMO.licenses.slice(0, -1);

function items(): LicensedItem[] {
  const engine = Object.assign(new LicensedItem(), {
    id: DEMO.licensedItems[1], accountId, name: 'render-engine', displayName: 'Render Engine', type: 'feature', version: '3.2',
  });
  const studio = Object.assign(new LicensedItem(), {
    id: DEMO.licensedItems[0], accountId, name: 'studio', displayName: 'Studio', description: 'The design studio with its render engine',
    type: 'product', version: '3.2', aggregatedItemIds: [engine.id],
  });
  return [studio, engine];
}

function models(): LicenseModel[] {
  const floating = Object.assign(new LicenseModel(), {
    id: DEMO.licenseModels[0], accountId, name: 'Floating seats', description: 'Concurrent seats, 10% overuse',
    concurrentSessions: { maxCache: 1, maxCheckOut: 1, maxTotal: 2, leaseTrackingMode: 'IGNORE_LEASE_ID', sessionAnchors: ['HARDWARE'], additionalAnchors: [] },
    leaseTimeBehavior: {
      leaseTimeCache: 3_600_000, leaseTimeCheckOut: 7 * DAY, refreshTimeCache: 900_000, refreshTimeCheckOut: DAY, cooldownTime: 60_000,
      incrementModel: 'RELATIVE', allowLeaseExtension: true, allowLeaseRelease: true,
    },
    seatCountConstraint: { overuseExpr: 'ceil(n / 10)' },
    versionConstraint: { matcher: 'SEMANTIC' },
  });
  const named = Object.assign(new LicenseModel(), {
    id: DEMO.licenseModels[1], accountId, name: 'Named users', description: 'Reserved seats with metered use time',
    assignedLicenseConstraint: { requireReservation: true, allowReassign: false },
    licenseLockingBehavior: { lockMode: 'NO_LOCKING' }, licensePoolBehavior: { behavior: 'SINGLE_POOL' },
    seatCountConstraint: { overuseExpr: null }, useTimeConstraint: { overuseExpr: '0' },
    versionConstraint: { matcher: 'EXACT' },
  });
  return [floating, named];
}

function entitlement(org: number): Entitlement {
  return Object.assign(new Entitlement(), {
    id: DEMO.entitlements[org], accountId, organizationId: DEMO.organizations[org],
    name: ['Studio enterprise', 'Studio team', 'Render farm'][org], validFrom: YEAR_START, validUntil: org === 2 ? null : YEAR_END,
  });
}

/** The organization's group of license consumers (the demo admin), consuming its entitlement. */
function consumers(em: Em, org: number, ent: Entitlement): void {
  const group = Object.assign(new OrganizationGroup(), {
    accountId, organizationId: DEMO.organizations[org], name: 'License consumers', type: 'licenseConsumers',
    description: 'Users who may consume the licenses of the organization\'s entitlement',
  });
  em.persist([
    group,
    Object.assign(new OrganizationGroupMember(), { accountId, groupId: group.id, userId: DEMO_ADMIN_SUBJECT }),
    Object.assign(new ConsumingGroup(), { accountId, entitlementId: ent.id, groupId: group.id }),
  ]);
}

/** Seat credits for every license; every third also gets uses, the named-user ones use time; the first an expired credit. */
function orderFor(em: Em, org: number, bindings: EntitlementLicense[]): void {
  const order = Object.assign(new LicenseOrder(), { accountId, organizationId: DEMO.organizations[org], orderNumber: `PO-2025-${org + 1}`, orderDate: YEAR_START });
  em.persist(order);
  let position = 0;
  const grant = (b: EntitlementLicense, creditType: CreditType, quantity: number, from = YEAR_START, until: Date | null = YEAR_END) => {
    const line = Object.assign(new LicenseOrderLine(), {
      accountId, licenseOrderId: order.id, position, lineNumber: String(++position * 10), licenseId: b.licenseId, entitlementId: b.entitlementId,
      licensedItemId: b.licensedItemId, creditType, quantity, orderValidFrom: from, orderValidUntil: until,
    });
    const common = { accountId, licenseId: b.licenseId, licenseOrderLineId: line.id, validFrom: from, validUntil: until };
    const credit = creditType === 'SEAT_COUNT' ? Object.assign(new SeatCountCredit(), common, { seatCount: quantity })
      : creditType === 'USE_COUNT' ? Object.assign(new UseCountCredit(), common, { useCount: quantity })
        : Object.assign(new UseTimeCredit(), common, { useTime: quantity });
    em.persist([line, credit]);
  };
  bindings.forEach((b, i) => {
    grant(b, 'SEAT_COUNT', 5 * (i + 1));
    if (i % 3 === 0) grant(b, 'USE_COUNT', 1000);
    if (b.licenseModelId === DEMO.licenseModels[1]) grant(b, 'USE_TIME', 100 * 3_600_000);
  });
  if (bindings[0]) grant(bindings[0], 'SEAT_COUNT', 50, new Date('2023-01-01T00:00:00.000Z'), new Date('2024-01-01T00:00:00.000Z'));
}

export async function seed(em: Em): Promise<void> {
  em.persist([...items(), ...models()]);
  for (const org of DEMO.organizations.keys()) {
    const ent = entitlement(org);
    const bindings = ENTITLED_LICENSES.flatMap((licenseId, i) => (LICENSE_ORGANIZATION[i] !== org ? [] : [
      Object.assign(new EntitlementLicense(), {
        accountId, entitlementId: ent.id, licenseId, validFrom: YEAR_START,
        licensedItemId: DEMO.licensedItems[ITEM_OF_POLICY[LICENSE_POLICY[i]]],
        licenseModelId: DEMO.licenseModels[MODEL_OF_POLICY[LICENSE_POLICY[i]]],
      }),
    ]));
    em.persist([ent, ...bindings]);
    orderFor(em, org, bindings);
    consumers(em, org, ent);
  }
  await em.flush();
}
