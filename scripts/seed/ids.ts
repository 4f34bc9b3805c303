/**
 * Deterministic IDs of the demo data, shared by the seed of every subgraph so that their rows
 * point at each other (a license of the licenses subgraph, its assignments, its costs...).
 */
import { DEV_ACCOUNT_ID } from '../../lib/auth';

const id = (group: number, n: number) => `00000000-0000-4000-8${group.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

/** The subject of the development token that `npm start` prints: the demo admin. */
export const DEMO_ADMIN_SUBJECT = 'demo-admin';

export const DEMO = {
  accountId: DEV_ACCOUNT_ID,
  organizations: [1, 2, 3].map((n) => id(0x101, n)),
  /** Four users per organization: users[org][i]. */
  users: [1, 2, 3].map((o) => [1, 2, 3, 4].map((n) => id(0x102, o * 16 + n))),
  products: [1, 2].map((n) => id(0x103, n)),
  policies: [1, 2, 3, 4].map((n) => id(0x104, n)),
  /** Twenty licenses, in every status (see scripts/seed/licenses.ts). */
  licenses: Array.from({ length: 20 }, (_, i) => id(0x105, i + 1)),
  /** Three applications that demo licenses are bought for, and a fourth (Visio 2019) that demo transfers cover. */
  applications: [1, 2, 3, 4].map((n) => id(0x201, n)),
  metrics: [1, 2].map((n) => id(0x202, n)),
  /** Computers / devices (the devices subgraph owns them; assignments and compliance refer to them). */
  devices: Array.from({ length: 8 }, (_, i) => id(0x301, i + 1)),
  datacenters: [1, 2].map((n) => id(0x302, n)),
  sites: [1, 2].map((n) => id(0x303, n)),
  entitlements: [1, 2, 3].map((n) => id(0x401, n)),
  licensedItems: [1, 2].map((n) => id(0x402, n)),
  licenseModels: [1, 2].map((n) => id(0x403, n)),
} as const;
