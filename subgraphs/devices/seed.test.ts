import { actAsDemoAdmin } from '../../scripts/seed/demo-admin';
import { DEMO_CALL_HOME_REPORT, DEMO_SMART_LICENSE_ID_TOKEN, seed } from '../../scripts/seed/devices';
import { DEMO } from '../../scripts/seed/ids';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { outboxEvents } from '../../test/testkit/outbox';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { callHomeSettingsOf } from './domain/call-home-settings';
import { CallHomeProfile } from './entities/CallHomeProfile';
import { Datacenter } from './entities/Datacenter';
import { Device } from './entities/Device';
import { DeviceLicenseLine } from './entities/DeviceLicenseLine';
import { smartLicenseIdToken } from './services/smart-license';

const D = DEMO.devices;

describe.each(DATABASE_KINDS)('devices demo data (%s)', (kind) => {
  let t: TestSubgraph;
  const em = () => t.subgraph.orm.em.fork();
  const options = { filters: false };
  // as scripts/seed.ts does: the seed in one transaction (the Smart Licensing actions lock their device)
  beforeAll(async () => {
    t = await startTestSubgraph('devices', kind);
    await em().transactional((tx) => seed(tx));
  });
  afterAll(async () => { await t?.stop(); });

  test('seeds the demo datacenters, devices and license lines of the demo account', async () => {
    expect(await em().count(Datacenter, { accountId: DEMO.accountId }, options)).toBe(2);
    expect(await em().count(Device, { accountId: DEMO.accountId }, options)).toBe(DEMO.devices.length);
    expect(await em().count(DeviceLicenseLine, { accountId: DEMO.accountId }, options)).toBe(6);
  });

  test('csr-01 is registered with Smart Licensing with its ID token sealed, csr-02 only enabled', async () => {
    const e = em();
    actAsDemoAdmin(e); // the agent's read of the token runs under the tenant filter, as in a request
    const [csr1, csr2] = await Promise.all([D[3], D[4]].map((id) => e.findOneOrFail(Device, { id }, options)));
    expect([csr1.smartLicenseEnabled, csr1.smartLicenseState, csr1.smartLicenseProfile, csr1.smartLicenseRegisteredAt]).toEqual([true, 'REGISTERED', 'CiscoTest', new Date('2025-05-20T10:00:00Z')]);
    expect(await smartLicenseIdToken(e, csr1)).toBe(DEMO_SMART_LICENSE_ID_TOKEN);
    expect(csr1.smartLicenseIdTokenSealed).not.toContain(DEMO_SMART_LICENSE_ID_TOKEN);
    expect([csr2.smartLicenseEnabled, csr2.smartLicenseState, csr2.smartLicenseProfile, csr2.smartLicenseRegisteredAt]).toEqual([true, 'UNIDENTIFIED', 'CiscoTAC-1', null]);
    expect(await e.count(Device, { accountId: DEMO.accountId, smartLicenseEnabled: true }, options)).toBe(2);
  });

  test('csr-01 has seed 004\'s call-home settings and its two call-home profile examples', async () => {
    const e = em();
    expect(callHomeSettingsOf(await e.findOneOrFail(Device, { id: D[3] }, options))).toEqual({
      aaaAuthorization: true, aaaAuthorizationUsername: 'cisco', contactEmail: 'test@cisco.com', dataPrivacy: { level: 'HIGH', hostname: false },
      httpProxy: { serverAddress: 'cisco-proxy', serverPort: 8080 }, rateLimit: 30,
    });
    const profiles = await e.find(CallHomeProfile, { accountId: DEMO.accountId }, { ...options, orderBy: { name: 'asc' } });
    expect(profiles.map((p) => [p.deviceId, p.name, p.active, p.destinationTransportEmail, p.destinationTransportHttp])).toEqual([
      [D[3], 'CiscoTest', true, false, true], [D[3], 'test', false, true, true],
    ]);
    expect([profiles[0].anonymousReportingOnly, profiles[0].destinationAddress]).toEqual([true, { urls: ['http://cisco.com'], emails: ['test@cisco.com'] }]);
    expect(profiles[1].destinationAddress).toEqual({ urls: [], emails: ['test@cisco.com'] });
    expect(profiles[1].subscribeGroupInventory).toEqual({ daily: { time: '23:00' } });
  });

  test('ws-finance-01 called home once, and every step recorded its event as its mutation does', async () => {
    const e = em();
    const ws = await e.findOneOrFail(Device, { id: DEMO_CALL_HOME_REPORT.deviceId }, options);
    expect([ws.callHomeReportCount, ws.lastCallHomeAt]).toEqual([1, DEMO_CALL_HOME_REPORT.reportedAt]);
    const events = await outboxEvents(t.subgraph.orm);
    expect(events.map((ev) => [ev.type, ev.entityId])).toEqual([
      ['device.call-home-settings.updated', D[3]], ['device.call-home-profile.created', D[3]], ['device.call-home-profile.created', D[3]],
      ['device.smart-license.updated', D[3]], ['device.smart-license.registered', D[3]], ['device.smart-license.updated', D[4]],
      ['device.call-home.reported', D[5]],
    ]);
    const { applications: A, metrics: M, licenses: L, users: U } = DEMO;
    expect(events[6].payload.callHomeReport).toEqual({
      sequence: 1, reportedAt: '2025-06-02T07:45:00.000Z', applications: [
        { applicationId: A[1], metricId: M[0], userId: null, licenseId: L[4], installations: 1 },
        { applicationId: A[1], metricId: M[1], userId: U[0][2], licenseId: L[1], installations: 1 },
      ],
      inventory: { hostname: 'ws-finance-01', platform: 'Windows 11 Enterprise', cores: 8, isVirtual: false, productId: null, serialNumber: null },
    });
    expect(JSON.stringify(events.map((ev) => ev.payload))).not.toContain(DEMO_SMART_LICENSE_ID_TOKEN);
  });
});
