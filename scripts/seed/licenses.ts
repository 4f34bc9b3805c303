import type { Em } from '../../lib/orm';
import { sealSecret, secretsKey } from '../../lib/secrets';
import { Account } from '../../subgraphs/licenses/entities/Account';
import { License } from '../../subgraphs/licenses/entities/License';
import { LicenseMetadata } from '../../subgraphs/licenses/entities/LicenseMetadata';
import { Machine } from '../../subgraphs/licenses/entities/Machine';
import { MeterAttribute } from '../../subgraphs/licenses/entities/MeterAttribute';
import { Organization } from '../../subgraphs/licenses/entities/Organization';
import { Policy } from '../../subgraphs/licenses/entities/Policy';
import { Product } from '../../subgraphs/licenses/entities/Product';
import { User } from '../../subgraphs/licenses/entities/User';
import { recordLicenseEvent } from '../../subgraphs/licenses/services/events';
import { generateLicenseKey } from '../../subgraphs/licenses/services/license-key';
import { generateSigningKeyPair } from '../../subgraphs/licenses/services/signing-keys';
import { DEMO } from './ids';

const DAY = 86_400_000;
const accountId = DEMO.accountId;
const own = <T extends object>(entity: T, fields: Partial<T>): T => Object.assign(entity, { accountId }, fields);

/** One license per row: [status it shows, policy index, organization index, how it gets there]. */
const PLAN: Array<[string, number, number, (l: License, now: number) => void]> = [
  ...Array.from({ length: 8 }, (_, i): [string, number, number, (l: License, now: number) => void] =>
    ['ACTIVE', i % 4, i % 3, (l, now) => { l.lastValidated = new Date(now - i * DAY); }]),
  ['INACTIVE', 0, 0, (l, now) => { l.createdAt = new Date(now - 200 * DAY); l.expiry = new Date(now + 100 * DAY); }],
  ['INACTIVE', 1, 1, (l, now) => { l.createdAt = new Date(now - 120 * DAY); l.expiry = null; }],
  ['EXPIRING', 0, 2, (l, now) => { l.expiry = new Date(now + 2 * DAY); }],
  ['EXPIRING', 2, 0, (l, now) => { l.expiry = new Date(now + 1 * DAY); }],
  ['EXPIRED', 0, 1, (l, now) => { l.expiry = new Date(now - 5 * DAY); }],
  ['EXPIRED', 3, 2, (l, now) => { l.expiry = new Date(now - 40 * DAY); }],
  ['SUSPENDED', 1, 0, (l) => { l.suspended = true; }],
  ['SUSPENDED', 2, 1, (l) => { l.suspended = true; }],
  ['BANNED', 0, 2, (l) => { l.userId = DEMO.users[2][3]; }],
  ['ACTIVE', 1, 0, (l) => { l.uses = 7; }],
  ['ACTIVE', 2, 1, (l) => { l.revoked = false; l.tags = ['trial']; }],
  ['ACTIVE', 3, 2, (l) => { l.quantity = 50; }],
];

/** Which policy and organization each demo license has (the other subgraphs' seeds follow it). */
export const LICENSE_PLACEMENT = PLAN.map(([, policy, organization]) => ({ policy, organization }));

function catalog(em: Em): Policy[] {
  em.persist(own(new Product(), { id: DEMO.products[0], name: 'Studio Editor', code: 'EDITOR', platforms: ['macOS', 'Windows'] }));
  em.persist(own(new Product(), { id: DEMO.products[1], name: 'Render Farm', code: 'RENDER', platforms: ['Linux'] }));
  const policies = [
    own(new Policy(), { id: DEMO.policies[0], productId: DEMO.products[0], name: 'Editor yearly, node-locked', duration: 365 * 86_400, maxUses: 1000 }),
    own(new Policy(), { id: DEMO.policies[1], productId: DEMO.products[0], name: 'Editor floating', type: 'HOSTED_FLOATING', floating: true, maxMachines: 5, maxCores: 64, duration: 30 * 86_400 }),
    own(new Policy(), { id: DEMO.policies[2], productId: DEMO.products[1], name: 'Render nodes, strict, heartbeat', floating: true, strict: true, maxMachines: 10, requireHeartbeat: true, heartbeatDuration: 300 }),
    own(new Policy(), { id: DEMO.policies[3], productId: DEMO.products[1], name: 'Render check-in', requireCheckIn: true, checkInInterval: 7 * 86_400, expirationAccess: 'MAINTAIN_ACCESS', duration: 90 * 86_400 }),
  ];
  policies.forEach((p) => em.persist(p));
  return policies;
}

function people(em: Em): void {
  ['Acme Corp', 'Globex', 'Initech'].forEach((name, o) => {
    em.persist(own(new Organization(), { id: DEMO.organizations[o], name, email: `it@${name.split(' ')[0].toLowerCase()}.example`, country: ['US', 'DE', 'FR'][o], city: ['Austin', 'Berlin', 'Lyon'][o] }));
    DEMO.users[o].forEach((id, i) => em.persist(own(new User(), {
      id, organizationId: DEMO.organizations[o], email: `user${i + 1}@org${o + 1}.example`, firstName: `User${i + 1}`, lastName: name.split(' ')[0],
      role: i === 0 ? 'admin' : 'user', roles: [i === 0 ? 'admin' : 'user'], banned: o === 2 && i === 3,
    })));
  });
}

/** The licenses subgraph's demo rows: account, catalog, people, 20 licenses in every status, meters, machines. */
export async function seed(em: Em): Promise<void> {
  const pair = generateSigningKeyPair();
  em.persist(own(new Account(), { id: accountId, name: 'Demo account', signingPublicKey: pair.publicKeyDer, signingPrivateKeySealed: sealSecret(pair.privateKeyPem, secretsKey()) }));
  const policies = catalog(em);
  people(em);
  const now = Date.now();
  PLAN.forEach(([, p, o, shape], i) => {
    const policy = policies[p];
    const license = own(new License(), {
      id: DEMO.licenses[i], key: generateLicenseKey(), name: `Demo license ${i + 1}`, productId: policy.productId, policyId: policy.id,
      organizationId: DEMO.organizations[o], userId: DEMO.users[o][i % 3], expiry: policy.duration ? new Date(now + policy.duration * 1000) : null,
      quantity: 10 + i, initialQuantity: 10 + i, purchaseDate: new Date(now - 30 * DAY), purchaseValue: `${1000 + i * 250}.00`, purchaseCurrency: 'USD',
      vendor: 'Demo Vendor', applicationId: DEMO.applications[i % 3], metricId: DEMO.metrics[i % 2],
      nextCheckIn: policy.requireCheckIn ? new Date(now + 7 * DAY) : null,
    });
    shape(license, now);
    em.persist(license);
    // with its event, like any new license: the compliance projection learns the demo licenses from it
    recordLicenseEvent(em, 'license.created', license);
    em.persist(own(new MeterAttribute(), { licenseId: license.id, name: 'exports', allowedUses: 100, totalUses: i * 3, grossUses: i * 5 }));
    em.persist(own(new LicenseMetadata(), { licenseId: license.id, key: 'tier', value: i % 2 ? 'pro' : 'standard' }));
  });
  ['fp-edge-rtr-01', 'fp-edge-rtr-02', 'fp-esx-host-01'].forEach((fingerprint, i) =>
    em.persist(own(new Machine(), { licenseId: DEMO.licenses[i], fingerprint, hostname: fingerprint.slice(3), cores: 4, lastHeartbeat: new Date(now) })));
  await em.flush();
}
