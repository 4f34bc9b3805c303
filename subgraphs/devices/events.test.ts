import type { OutboxEvent } from '../../lib/outbox';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { outboxEvents } from '../../test/testkit/outbox';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { REGISTER } from './testing';

const LICENSE_ID = '00000000-0000-4000-8105-000000000001';

/**
 * Every event about a device is keyed by the device (entityType `Device`, entityId its ID) and carries `deviceId`, so
 * that `deviceEvents(deviceId)` filters without a lookup and the relay keeps one device's events in order.
 */
describe.each(DATABASE_KINDS)('devices subgraph: the events each mutation records (%s)', (kind) => {
  let t: TestSubgraph;
  let host: string;
  let vm: string;
  beforeAll(async () => {
    t = await startTestSubgraph('devices', kind);
    host = (await t.api.ok(REGISTER, { input: { fingerprint: 'host', productId: 'ASR1002-X', serialNumber: 'JAE948QX12' } })).registerDevice.id;
    vm = (await t.api.ok(REGISTER, { input: { fingerprint: 'vm', productId: 'CSR1000V', serialNumber: '9DHICRRBJEL', isVirtual: true, hostDeviceId: host } })).registerDevice.id;
  });
  afterAll(async () => { await t?.stop(); });

  async function recorded(run: () => Promise<unknown>): Promise<OutboxEvent[]> {
    const before = (await outboxEvents(t.subgraph.orm)).at(-1)?.seq ?? 0;
    await run();
    return outboxEvents(t.subgraph.orm, { seq: { $gt: before } });
  }

  function expectDeviceEvents(events: OutboxEvent[], expected: Array<[string, string]>): void {
    expect(events.map((e) => [e.type, e.entityId])).toEqual(expected);
    for (const event of events) {
      expect(event.entityType).toBe('Device');
      expect(event.payload).toMatchObject({ deviceId: event.entityId, data: { id: event.entityId } });
    }
  }

  const mutate = (query: string, vars: Record<string, unknown>) => t.api.ok(query, vars);
  const CASES: Array<[string, () => Promise<unknown>, () => Array<[string, string]>]> = [
    ['updateDevice', () => mutate(`mutation($d: ID!) { updateDevice(id: $d, input: { hostname: "vm-1" }) { id } }`, { d: vm }), () => [['device.updated', vm]]],
    [
      'addDeviceLicenseLine',
      () => mutate(`mutation($d: ID!) { addDeviceLicenseLine(deviceId: $d, input: { licenseId: "${LICENSE_ID}", feature: "csr1kv_50m", licenseType: "Paid Subscription", licenseState: "Active, In Use" }) { id } }`, { d: vm }),
      () => [['device.license-line.added', vm]],
    ],
    ['requestDeviceUdi', () => mutate(`mutation($d: ID!) { requestDeviceUdi(deviceId: $d) { id } }`, { d: vm }), () => [['device.udi.requested', vm]]],
    [
      'acceptDeviceEula (accept)',
      () => mutate(`mutation($d: ID!) { acceptDeviceEula(deviceId: $d, eulaUri: "/api/v1/license/eula", accept: true) { id } }`, { d: vm }),
      () => [['device.eula.accepted', vm]],
    ],
    [
      'installDeviceLicenseByCallHome',
      () => mutate(`mutation($d: ID!, $i: DeviceCallHomeInstallInput!) { installDeviceLicenseByCallHome(deviceId: $d, input: $i) { id } }`, {
        d: vm, i: { username: 'u', password: 'p', licenseServerUrl: 'https://licensing.example.com/', pakId: 'PAK1', sendToEmailId: 'a@example.com' },
      }),
      () => [['device.license.call-home-requested', vm]],
    ],
    [
      'installDeviceLicense',
      () => mutate(`mutation($d: ID!) { installDeviceLicense(deviceId: $d, licenseLocation: "tftp://user@linuxbox.cisco.com/home/user/csr.lic") { id } }`, { d: vm }),
      () => [['device.license.installed', vm]],
    ],
    [
      'acceptDeviceEula (decline)',
      () => mutate(`mutation($d: ID!) { acceptDeviceEula(deviceId: $d, eulaUri: "/api/v1/license/eula", accept: false) { id } }`, { d: host }),
      () => [['device.eula.declined', host]],
    ],
    ['setDeviceBootLevel', () => mutate(`mutation($d: ID!) { setDeviceBootLevel(deviceId: $d, level: ADVANCED) { id } }`, { d: vm }), () => [['device.boot-level.changed', vm]]],
    ['setDeviceThroughput', () => mutate(`mutation($d: ID!) { setDeviceThroughput(deviceId: $d, level: 100) { id } }`, { d: vm }), () => [['device.throughput.changed', vm]]],
    ['updateDeviceSmartLicense', () => mutate(`mutation($d: ID!) { updateDeviceSmartLicense(deviceId: $d, enable: true) { id } }`, { d: vm }), () => [['device.smart-license.updated', vm]]],
    ['registerDeviceSmartLicense', () => mutate(`mutation($d: ID!) { registerDeviceSmartLicense(deviceId: $d, idToken: "QXN123") { id } }`, { d: vm }), () => [['device.smart-license.registered', vm]]],
    ['renewDeviceSmartLicense', () => mutate(`mutation($d: ID!) { renewDeviceSmartLicense(deviceId: $d, id: true, authorization: true) { id } }`, { d: vm }), () => [['device.smart-license.renewed', vm]]],
    ['deregisterDeviceSmartLicense', () => mutate(`mutation($d: ID!) { deregisterDeviceSmartLicense(deviceId: $d) { id } }`, { d: vm }), () => [['device.smart-license.deregistered', vm]]],
    ['updateDeviceCallHome', () => mutate(`mutation($d: ID!) { updateDeviceCallHome(deviceId: $d, input: { rateLimit: 30 }) { id } }`, { d: vm }), () => [['device.call-home-settings.updated', vm]]],
    // the virtual device loses its host: an event about the guest, then the deletion of the host
    ['deleteDevice', () => mutate(`mutation($d: ID!) { deleteDevice(id: $d) { id } }`, { d: host }), () => [['device.updated', vm], ['device.deleted', host]]],
  ];

  test('registerDevice records device.registered keyed by the new device', async () => {
    let id = '';
    const events = await recorded(async () => { id = (await t.api.ok(REGISTER, { input: { fingerprint: 'new' } })).registerDevice.id; });
    expectDeviceEvents(events, [['device.registered', id]]);
  });

  test.each(CASES)('%s records events keyed by the device, with deviceId', async (_name, run, expected) => {
    expectDeviceEvents(await recorded(run), expected());
  });

  test('the line event keeps its own keys next to deviceId', async () => {
    const [event] = await recorded(() => mutate(`mutation($d: ID!) { addDeviceLicenseLine(deviceId: $d, input: { feature: "eval", licenseType: "evaluation", licenseState: "Active, In Use" }) { id } }`, { d: vm }));
    expect(event.payload).toMatchObject({ deviceId: vm, licenseLineId: expect.any(String), feature: 'eval', licenseId: null });
  });

  test('createDatacenter records datacenter.created keyed by the datacenter (not a device event)', async () => {
    const events = await recorded(() => t.api.ok(`mutation { createDatacenter(input: { name: "Events DC" }) { id } }`));
    expect(events.map((e) => [e.type, e.entityType])).toEqual([['datacenter.created', 'Datacenter']]);
    expect(events[0].payload).not.toHaveProperty('deviceId');
  });
});
