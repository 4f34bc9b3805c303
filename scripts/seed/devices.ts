/**
 * Demo data of the devices subgraph: two datacenters, eight devices (routers, a VM host with two
 * CSR1000V virtual routers, a workstation, a server with a VM) and the license lines of seed 004's
 * examples, bound to demo licenses of the licenses subgraph; then, through the services as their mutations would,
 * seed 004's newest features: Smart Licensing, call-home settings and profiles, and a call-home report.
 */
import type { Em } from '../../lib/orm';
import { Datacenter } from '../../subgraphs/devices/entities/Datacenter';
import { Device } from '../../subgraphs/devices/entities/Device';
import { DeviceLicenseLine } from '../../subgraphs/devices/entities/DeviceLicenseLine';
import type { DeviceCallHomeReportInput } from '../../subgraphs/devices/generated/graphql';
import { createCallHomeProfile } from '../../subgraphs/devices/services/call-home-profiles';
import { reportDeviceCallHome } from '../../subgraphs/devices/services/call-home-reports';
import { updateDeviceCallHome } from '../../subgraphs/devices/services/call-home-settings';
import { registerDeviceSmartLicense, updateDeviceSmartLicense } from '../../subgraphs/devices/services/smart-license';
import { actAsDemoAdmin } from './demo-admin';
import { DEMO } from './ids';

const { accountId, devices: D, datacenters: DC, licenses: L, applications: A, metrics: M, users: U } = DEMO;
/** License line IDs: group 0x304, next to the devices (0x301) and datacenters (0x302) of ids.ts. */
const lineId = (n: number) => `00000000-0000-4000-8304-${n.toString(16).padStart(12, '0')}`;
const ACCEPTED_AT = new Date('2024-01-15T09:30:00Z');

const DATACENTERS: Array<Partial<Datacenter>> = [
  { id: DC[0], name: 'Frankfurt 1', location: 'Frankfurt am Main, DE' },
  { id: DC[1], name: 'Ashburn 2', location: 'Ashburn, VA, US' },
];

const DEVICES: Array<Partial<Device>> = [
  { id: D[0], fingerprint: 'fp-edge-rtr-01', hostname: 'edge-rtr-01', productId: 'ASR1001-X', serialNumber: 'JAE948QT6R', platform: 'ASR1001-X', cores: 6, datacenterId: DC[0], bootLevel: 'PREMIUM', eulaAccepted: true, eulaAcceptedAt: ACCEPTED_AT, eulaUri: '/api/v1/license/eula' },
  { id: D[1], fingerprint: 'fp-edge-rtr-02', hostname: 'edge-rtr-02', productId: 'ASR1002-X', serialNumber: 'JAE948QX12', platform: 'ASR1002-X', cores: 6, datacenterId: DC[1], bootLevel: 'ADVANCED' },
  { id: D[2], fingerprint: 'fp-esx-host-01', hostname: 'esx-host-01', productId: 'UCSC-C220-M5SX', serialNumber: 'WZP23040ABC', platform: 'VMware ESXi', cores: 32, datacenterId: DC[0] },
  { id: D[3], fingerprint: 'fp-csr-01', hostname: 'csr-01', productId: 'CSR1000V', serialNumber: '9DHICRRBJEL', platform: 'CSR1000V', cores: 4, isVirtual: true, hostDeviceId: D[2], datacenterId: DC[0], bootLevel: 'PREMIUM', throughput: 250, eulaAccepted: true, eulaAcceptedAt: ACCEPTED_AT, eulaUri: '/api/v1/license/eula' },
  { id: D[4], fingerprint: 'fp-csr-02', hostname: 'csr-02', productId: 'CSR1000V', serialNumber: '9KX2M7QPL3A', platform: 'CSR1000V', cores: 2, isVirtual: true, hostDeviceId: D[2], datacenterId: DC[0], throughput: 50 },
  { id: D[5], fingerprint: 'fp-ws-finance-01', hostname: 'ws-finance-01', platform: 'Windows 11 Enterprise', cores: 8 },
  { id: D[6], fingerprint: 'fp-srv-db-01', hostname: 'srv-db-01', platform: 'Red Hat Enterprise Linux 9', cores: 16, datacenterId: DC[1] },
  { id: D[7], fingerprint: 'fp-vm-app-01', hostname: 'vm-app-01', platform: 'Ubuntu 22.04', cores: 4, isVirtual: true, hostDeviceId: D[6], datacenterId: DC[1] },
];

const STORAGE = { storeIndex: 0, storageName: 'primary license storage', licenseGenerationVersion: '0x8200000', lockType: 'Node locked' };

const LINES: Array<Partial<DeviceLicenseLine>> = [
  // seed 004's two example lines, on the CSR1000V whose UDI they name
  { id: lineId(1), deviceId: D[3], licenseId: L[0], index: 1, feature: 'csr1kv_50m', version: '1.0', licenseType: 'Paid Subscription', endDate: '2026-12-17', licenseState: 'Active, In Use', vendorProductId: 'CSR1000V', vendorSerialNumber: '9DHICRRBJEL', licenseAddition: 'EXCLUSIVE', licenseCount: 0, licensePriority: 'MEDIUM', ...STORAGE },
  { id: lineId(2), deviceId: D[3], index: 2, feature: 'csr1kv_eval', version: '1.0', licenseType: 'evaluation', licenseState: 'Active, Not in Use', evaluationPeriod: 'P0Y0M8W4D', evaluationPeriodLeft: 'P0Y0M8W3D', evaluationPeriodUsed: 'P0Y0M0DT3H6M', evaluationExpiryDate: new Date('2026-02-03T16:35:58Z'), licenseCount: 0, licensePriority: 'LOW', ...STORAGE },
  { id: lineId(3), deviceId: D[4], index: 1, feature: 'csr1kv_eval', version: '1.0', licenseType: 'evaluation', licenseState: 'Active, In Use', evaluationPeriod: 'P0Y0M8W4D', evaluationPeriodLeft: 'P0Y0M2W1D', evaluationPeriodUsed: 'P0Y0M6W3D', evaluationExpiryDate: new Date('2026-01-20T08:00:00Z'), licenseCount: 0, licensePriority: 'MEDIUM', ...STORAGE },
  { id: lineId(4), deviceId: D[0], licenseId: L[1], index: 1, feature: 'advipservices', version: '1.0', licenseType: 'Permanent', licenseState: 'Active, In Use', vendorProductId: 'ASR1001-X', vendorSerialNumber: 'JAE948QT6R', licenseAddition: 'EXCLUSIVE', licenseCount: 1, licensePriority: 'HIGH', ...STORAGE },
  { id: lineId(5), deviceId: D[0], licenseId: L[1], index: 2, feature: 'throughput_2g', version: '1.0', licenseType: 'Paid Subscription', startDate: '2025-01-01', endDate: '2027-12-31', licenseState: 'Active, In Use', vendorProductId: 'ASR1001-X', vendorSerialNumber: 'JAE948QT6R', licenseAddition: 'ADDITIVE', licenseCount: 1, licensePriority: 'MEDIUM', ...STORAGE },
  { id: lineId(6), deviceId: D[1], licenseId: L[2], index: 1, feature: 'ipbase', version: '1.0', licenseType: 'Permanent', licenseState: 'Active, In Use', vendorProductId: 'ASR1002-X', vendorSerialNumber: 'JAE948QX12', licenseAddition: 'EXCLUSIVE', licenseCount: 1, licensePriority: 'MEDIUM', ...STORAGE },
];

/**
 * The demo call-home report: the workstation ws-finance-01 called home once, with Acrobat installed under the site
 * license of its organization and used by a named user. Its event gives the compliance subgraph the workstation's
 * tracking rows (source CALL_HOME), as any report does.
 */
export const DEMO_CALL_HOME_REPORT = {
  deviceId: D[5],
  reportedAt: new Date('2025-06-02T07:45:00Z'),
  report: {
    applications: [
      // Acrobat installed on the workstation, covered by license 5 (Acrobat, Installations: the site license of Acme Corp)
      { applicationId: A[1], metricId: M[0], licenseId: L[4], installations: 1 },
      // and used there by Acme's third user, covered by license 2 (Acrobat, Users)
      { applicationId: A[1], metricId: M[1], userId: U[0][2], licenseId: L[1] },
    ],
  } satisfies DeviceCallHomeReportInput,
};

/** The ID token csr-01 registered with (base64 of a demo text); the service seals it, and it is never returned. */
export const DEMO_SMART_LICENSE_ID_TOKEN = 'ZGVtby1zbWFydC1saWNlbnNpbmctaWQtdG9rZW4tY3NyLTAx';
const REGISTERED_AT = new Date('2025-05-20T10:00:00Z');

/**
 * Each step is one mutation of the API, flushed before the next as its own transaction would be (a Smart Licensing
 * action re-reads its device under the row lock, so it must see the previous step's row).
 */
async function newestFeatures(em: Em): Promise<void> {
  const caller = actAsDemoAdmin(em);
  const steps: Array<() => Promise<unknown>> = [
    // seed 004's call-home settings example on csr-01, and its two profile examples (CiscoTAC-1 is built in, not created)
    () => updateDeviceCallHome(em, D[3], {
      aaaAuthorization: true, aaaAuthorizationUsername: 'cisco', contactEmail: 'test@cisco.com',
      dataPrivacy: { level: 'HIGH', hostname: false }, httpProxy: { serverAddress: 'cisco-proxy', serverPort: 8080 }, rateLimit: 30,
    }),
    () => createCallHomeProfile(em, caller, D[3], {
      name: 'CiscoTest', anonymousReportingOnly: true, destinationTransportHttp: true,
      destinationAddress: { urls: ['http://cisco.com'], emails: ['test@cisco.com'] },
      subscribeGroupAll: { severity: 'MAJOR' }, subscribeGroupSnapshot: { hourly: { minute: 15 } },
    }),
    () => createCallHomeProfile(em, caller, D[3], {
      name: 'test', active: false, destinationTransportEmail: true, destinationTransportHttp: true,
      destinationAddress: { urls: [], emails: ['test@cisco.com'] }, subscribeGroupAll: { severity: 'MINOR' },
      subscribeGroupInventory: { daily: { time: '23:00' } },
    }),
    // Smart Licensing: csr-01 enabled with its CiscoTest profile and registered (its ID token sealed); csr-02 enabled
    // with the built-in CiscoTAC-1 but not registered
    () => updateDeviceSmartLicense(em, D[3], true, 'CiscoTest'),
    () => registerDeviceSmartLicense(em, D[3], DEMO_SMART_LICENSE_ID_TOKEN, REGISTERED_AT),
    () => updateDeviceSmartLicense(em, D[4], true),
    () => reportDeviceCallHome(em, caller, DEMO_CALL_HOME_REPORT.deviceId, DEMO_CALL_HOME_REPORT.report, DEMO_CALL_HOME_REPORT.reportedAt),
  ];
  for (const step of steps) {
    await step();
    await em.flush();
  }
}

export async function seed(em: Em): Promise<void> {
  for (const row of DATACENTERS) em.persist(Object.assign(new Datacenter(), row, { accountId }));
  for (const row of DEVICES) em.persist(Object.assign(new Device(), row, { accountId }));
  for (const row of LINES) em.persist(Object.assign(new DeviceLicenseLine(), row, { accountId }));
  await em.flush();
  await newestFeatures(em);
}
