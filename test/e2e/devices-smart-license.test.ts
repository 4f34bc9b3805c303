/**
 * Smart Licensing of devices (seed 004 GET / PUT /api/v1/smart-license, PUT register / deregister / renew) through the
 * real gateway, on every database kind: the seed defaults, the registration state machine (CONFLICT in a wrong state,
 * one winner among concurrent registrations), the ID token stored only sealed and never shown, the events (one
 * through a WebSocket subscription), scopes and tenant isolation.
 */
import { randomUUID } from 'node:crypto';
import { DEV_ACCOUNT_ID } from '../../lib/auth';
import { OutboxEvent } from '../../lib/outbox';
import { openSecret, secretsKey } from '../../lib/secrets';
import { TENANT_FILTER } from '../../lib/tenancy';
import { Device } from '../../subgraphs/devices/entities/Device';
import { smartLicenseIdToken } from '../../subgraphs/devices/services/smart-license';
import { gatewayAndSubgraph, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { outboxEvents, outboxTypes } from '../testkit/outbox';
import { startTestStackWithWs, type TestStackWithWs } from '../testkit/stack-with-ws';

const ID_TOKEN = `NjE2ZGQ4-${randomUUID()}`;
const SMART = 'smartLicense { enabled profile state registeredAt idRenewedAt authorizationRenewedAt }';
const READ = `query($d: ID!) { device(id: $d) { ${SMART} } }`;
const UPDATE = `mutation($d: ID!, $e: Boolean!, $p: String) { updateDeviceSmartLicense(deviceId: $d, enable: $e, profile: $p) { ${SMART} } }`;
const UPDATE_KEEP = `mutation($d: ID!, $e: Boolean!) { updateDeviceSmartLicense(deviceId: $d, enable: $e) { ${SMART} } }`;
const REGISTER = `mutation($d: ID!, $t: String!) { registerDeviceSmartLicense(deviceId: $d, idToken: $t) { ${SMART} } }`;
const DEREGISTER = `mutation($d: ID!) { deregisterDeviceSmartLicense(deviceId: $d) { ${SMART} } }`;
const RENEW = `mutation($d: ID!, $i: Boolean, $a: Boolean) { renewDeviceSmartLicense(deviceId: $d, id: $i, authorization: $a) { ${SMART} } }`;
const DEFAULTS = { enabled: false, profile: 'CiscoTAC-1', state: 'UNIDENTIFIED', registeredAt: null, idRenewedAt: null, authorizationRenewedAt: null };
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

describe.each(DATABASE_KINDS)('device Smart Licensing (%s)', (kind) => {
  let t: TestStackWithWs;
  const orm = () => t.stack.subgraphs.devices.orm;
  /** The device row straight from the table (no tenant filter), sealed token loaded. */
  const row = (id: string) => orm().em.fork().findOneOrFail(Device, { id }, { filters: false, populate: ['smartLicenseIdTokenSealed'] });
  const read = async (d: string) => (await t.gateway.ok(READ, { d })).device.smartLicense;
  const newDevice = async (): Promise<string> =>
    (await t.gateway.ok('mutation($f: String!) { registerDevice(input: { fingerprint: $f, productId: "CSR1000V" }) { id } }', { f: `fp-${randomUUID()}` })).registerDevice.id;
  const registeredDevice = async (): Promise<string> => {
    const d = await newDevice();
    await t.gateway.ok(UPDATE, { d, e: true });
    await t.gateway.ok(REGISTER, { d, t: ID_TOKEN });
    return d;
  };
  /** A refused request answers `code` (and `reason`) and changes neither the device nor its events. */
  const refused = async (d: string, code: string, query: string, variables: Record<string, unknown>, reason?: string) => {
    const [before, events] = [await read(d), (await outboxEvents(orm(), { entityId: d })).length];
    const error = await t.gateway.fails(code, query, variables);
    if (reason) expect(error.extensions).toMatchObject({ reason, argumentPath: ['deviceId'] });
    expect(await read(d)).toEqual(before);
    expect((await outboxEvents(orm(), { entityId: d })).length).toBe(events);
    return error;
  };

  beforeAll(async () => {
    t = await startTestStackWithWs(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a new device has the seed defaults: disabled, profile CiscoTAC-1, UNIDENTIFIED', async () => {
    expect(await read(await newDevice())).toEqual(DEFAULTS);
  });

  it('walks the states: enable, register, renew, deregister, register again; each records its event', async () => {
    const d = await newDevice();
    await t.gateway.ok('mutation($d: ID!) { createDeviceCallHomeProfile(deviceId: $d, input: { name: "CiscoTest" }) { id } }', { d });
    expect((await t.gateway.ok(UPDATE, { d, e: true, p: 'CiscoTest' })).updateDeviceSmartLicense.smartLicense).toEqual({ ...DEFAULTS, enabled: true, profile: 'CiscoTest' });
    const registered = (await t.gateway.ok(REGISTER, { d, t: ID_TOKEN })).registerDeviceSmartLicense.smartLicense;
    expect(registered).toEqual({ ...DEFAULTS, enabled: true, profile: 'CiscoTest', state: 'REGISTERED', registeredAt: ISO });
    const idOnly = (await t.gateway.ok(RENEW, { d, i: true })).renewDeviceSmartLicense.smartLicense;
    expect(idOnly).toEqual({ ...registered, idRenewedAt: ISO });
    const both = (await t.gateway.ok(RENEW, { d, i: true, a: true })).renewDeviceSmartLicense.smartLicense;
    expect(both).toEqual({ ...registered, idRenewedAt: ISO, authorizationRenewedAt: both.idRenewedAt });
    expect(Date.parse(both.idRenewedAt)).toBeGreaterThan(Date.parse(idOnly.idRenewedAt));
    // the profile may change while registered; absent keeps it, null restores the default
    expect((await t.gateway.ok(UPDATE_KEEP, { d, e: true })).updateDeviceSmartLicense.smartLicense).toEqual(both);
    expect((await t.gateway.ok(UPDATE, { d, e: true, p: null })).updateDeviceSmartLicense.smartLicense).toEqual({ ...both, profile: 'CiscoTAC-1' });
    const deregistered = (await t.gateway.ok(DEREGISTER, { d })).deregisterDeviceSmartLicense.smartLicense;
    expect(deregistered).toEqual({ ...DEFAULTS, enabled: true, state: 'UNREGISTERED' });
    expect((await t.gateway.ok(REGISTER, { d, t: 'SECOND-TOKEN' })).registerDeviceSmartLicense.smartLicense)
      .toEqual({ ...DEFAULTS, enabled: true, state: 'REGISTERED', registeredAt: ISO });
    expect(await outboxTypes(orm(), { entityId: d })).toEqual([
      'device.registered', 'device.call-home-profile.created', 'device.smart-license.updated', 'device.smart-license.registered', 'device.smart-license.renewed',
      'device.smart-license.renewed', 'device.smart-license.updated', 'device.smart-license.updated', 'device.smart-license.deregistered',
      'device.smart-license.registered',
    ]);
    const [renewed] = await outboxEvents(orm(), { entityId: d, type: 'device.smart-license.renewed' });
    expect(renewed.payload).toMatchObject({ deviceId: d, renewed: { id: true, authorization: false }, smartLicense: { state: 'REGISTERED', idRenewedAt: idOnly.idRenewedAt } });
  });

  it('refuses a transition from the wrong state with CONFLICT, changing nothing', async () => {
    const fresh = await newDevice();
    let error = await refused(fresh, 'CONFLICT', REGISTER, { d: fresh, t: ID_TOKEN }, 'SMART_LICENSE_DISABLED');
    expect(error.message).toBe('Smart Licensing must be enabled (updateDeviceSmartLicense) before the device registers');
    error = await refused(fresh, 'CONFLICT', DEREGISTER, { d: fresh }, 'SMART_LICENSE_NOT_REGISTERED');
    expect(error.message).toBe('Only a device registered with Smart Licensing can be deregistered; the device is UNIDENTIFIED');
    await refused(fresh, 'CONFLICT', RENEW, { d: fresh, i: true }, 'SMART_LICENSE_NOT_REGISTERED');
    const d = await registeredDevice();
    error = await refused(d, 'CONFLICT', REGISTER, { d, t: 'OTHER' }, 'SMART_LICENSE_ALREADY_REGISTERED');
    expect(error.message).toBe('The device is already registered with Smart Licensing');
    error = await refused(d, 'CONFLICT', UPDATE, { d, e: false, p: 'Other' }, 'SMART_LICENSE_REGISTERED');
    expect(error.message).toBe('Smart Licensing cannot be disabled while the device is registered: deregister it first (deregisterDeviceSmartLicense)');
    await t.gateway.ok(DEREGISTER, { d });
    await refused(d, 'CONFLICT', DEREGISTER, { d }, 'SMART_LICENSE_NOT_REGISTERED');
    expect((await t.gateway.ok(UPDATE, { d, e: false })).updateDeviceSmartLicense.smartLicense).toEqual({ ...DEFAULTS, state: 'UNREGISTERED' });
    await refused(d, 'CONFLICT', REGISTER, { d, t: ID_TOKEN }, 'SMART_LICENSE_DISABLED');
  });

  it('refuses bad input with BAD_USER_INPUT at its argument, and unknown devices with NOT_FOUND', async () => {
    const d = await registeredDevice();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [UPDATE, { d, e: true, p: 'two words' }, 'profile'], [UPDATE, { d, e: true, p: '' }, 'profile'],
      [RENEW, { d }, 'id'], [RENEW, { d, i: false, a: false }, 'id'],
    ];
    for (const [query, variables, field] of cases) {
      expect((await refused(d, 'BAD_USER_INPUT', query, variables)).extensions?.argumentPath).toEqual([field]);
    }
    await t.gateway.ok(DEREGISTER, { d });
    const error = await refused(d, 'BAD_USER_INPUT', REGISTER, { d, t: `${ID_TOKEN} x` });
    expect(error).toMatchObject({ message: 'idToken must have 1 to 1024 printable characters and no spaces', extensions: { argumentPath: ['idToken'] } });
    expect(JSON.stringify(error)).not.toContain(ID_TOKEN);
    for (const missing of [randomUUID(), 'not-a-uuid']) {
      for (const [query, variables] of [[UPDATE, { e: true }], [REGISTER, { t: ID_TOKEN }], [DEREGISTER, {}], [RENEW, { i: true }]] as const) {
        await t.gateway.fails('NOT_FOUND', query, { ...variables, d: missing });
      }
    }
  });

  it('stores the ID token only sealed, returns it nowhere, and forgets it on deregistration', async () => {
    const d = await registeredDevice();
    const sealed = (await row(d)).smartLicenseIdTokenSealed!;
    expect(sealed).toMatch(/^v1(\.[A-Za-z0-9_-]+){4}$/);
    expect(sealed).not.toContain(ID_TOKEN);
    expect(openSecret(sealed, secretsKey())).toBe(ID_TOKEN);
    // an ordinary read does not load it; the agent's service function opens it
    const em = orm().em.fork();
    em.setFilterParams(TENANT_FILTER, { accountId: DEV_ACCOUNT_ID });
    const device = await em.findOneOrFail(Device, { id: d });
    expect(device.smartLicenseIdTokenSealed).toBeUndefined();
    expect(await smartLicenseIdToken(em, device)).toBe(ID_TOKEN);
    const { __type } = await t.gateway.ok('{ __type(name: "SmartLicense") { fields { name } } }');
    expect((__type.fields as Array<{ name: string }>).map((f) => f.name).sort()).toEqual([
      'authorizationRenewedAt', 'enabled', 'idRenewedAt', 'profile', 'registeredAt', 'state',
    ]);
    const events = await orm().em.fork().find(OutboxEvent, {}, { filters: false });
    expect(JSON.stringify(events.map((event) => event.payload))).not.toContain(ID_TOKEN);
    expect(JSON.stringify(events.map((event) => event.payload))).not.toContain(sealed);
    await t.gateway.ok(DEREGISTER, { d });
    expect((await row(d)).smartLicenseIdTokenSealed).toBeNull();
  });

  it('of concurrent registrations of one device exactly one succeeds; the others are CONFLICT', async () => {
    const d = await newDevice();
    await t.gateway.ok(UPDATE, { d, e: true });
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => t.gateway.raw(REGISTER, { d, t: `TOKEN-${i}` })));
    expect(responses.filter((r) => !r.errors).length).toBe(1);
    expect(responses.filter((r) => r.errors?.[0].extensions?.reason === 'SMART_LICENSE_ALREADY_REGISTERED').length).toBe(7);
    expect(await outboxTypes(orm(), { entityId: d, type: 'device.smart-license.registered' })).toEqual(['device.smart-license.registered']);
    const winner = responses.findIndex((r) => !r.errors);
    expect(openSecret((await row(d)).smartLicenseIdTokenSealed!, secretsKey())).toBe(`TOKEN-${winner}`);
  });

  it('delivers the registration to a deviceEvents subscription over WebSocket, with the device as it is', async () => {
    const d = await newDevice();
    await t.gateway.ok(UPDATE, { d, e: true });
    const sub = await t.subscribeAfterDrain(`subscription($d: ID) { deviceEvents(deviceId: $d, types: ["device.smart-license.*"]) {
      type deviceId data device { id smartLicense { enabled state } } } }`, { d });
    await t.gateway.ok(REGISTER, { d, t: ID_TOKEN });
    const delivered = await sub.next();
    sub.unsubscribe();
    expect(delivered.errors).toBeUndefined();
    expect(delivered.data?.deviceEvents).toMatchObject({
      type: 'device.smart-license.registered', deviceId: d, device: { id: d, smartLicense: { enabled: true, state: 'REGISTERED' } },
      data: { id: d, smartLicenseState: 'REGISTERED', smartLicenseEnabled: true },
    });
    expect(JSON.stringify(delivered)).not.toContain(ID_TOKEN);
    expect(JSON.stringify(delivered)).not.toMatch(/IdTokenSealed/);
  });

  describe('scopes and accounts', () => {
    const MUTATIONS: Array<[string, string, Record<string, unknown>]> = [
      ['updateDeviceSmartLicense', UPDATE, { e: false }], ['registerDeviceSmartLicense', REGISTER, { t: ID_TOKEN }],
      ['deregisterDeviceSmartLicense', DEREGISTER, {}], ['renewDeviceSmartLicense', RENEW, { i: true }],
    ];

    it('a token with only device:read gets FORBIDDEN on every Smart Licensing mutation and changes nothing; it reads them', async () => {
      const d = await registeredDevice();
      const before = await read(d);
      const api = gatewayAndSubgraph(t, t.stack.subgraphs.devices.url, await testToken({ scopes: ['device:read'] }));
      for (const [name, query, variables] of MUTATIONS) {
        for (const c of [api.gateway, api.subgraph]) {
          expect((await c.fails('FORBIDDEN', query, { ...variables, d })).message).toBe(`Mutation.${name} requires the scope device:write`);
        }
      }
      expect(await read(d)).toEqual(before);
      expect((await api.gateway.ok(READ, { d })).device.smartLicense).toEqual(before);
    });

    it('a token with only device:write changes it and sees what its mutation returns, but cannot query the device', async () => {
      const d = await newDevice();
      const api = gatewayAndSubgraph(t, t.stack.subgraphs.devices.url, await testToken({ scopes: ['device:write'] }));
      expect((await api.gateway.ok(UPDATE, { d, e: true })).updateDeviceSmartLicense.smartLicense).toEqual({ ...DEFAULTS, enabled: true });
      await api.gateway.fails('FORBIDDEN', READ, { d });
      expect(await read(d)).toEqual({ ...DEFAULTS, enabled: true });
    });

    it('another account reads no Smart Licensing of the device and changes none (NOT_FOUND)', async () => {
      const d = await registeredDevice();
      const before = await read(d);
      const other = gatewayAndSubgraph(t, t.stack.subgraphs.devices.url, await testToken({ accountId: randomUUID(), subject: 'other-account' }));
      for (const c of [other.gateway, other.subgraph]) {
        expect(await c.ok(READ, { d })).toEqual({ device: null });
        for (const [, query, variables] of MUTATIONS) await c.fails('NOT_FOUND', query, { ...variables, d });
      }
      expect(await read(d)).toEqual(before);
    });
  });
});
