/**
 * License installation by call-home (seed 004 POST /api/v1/license/call-home) through the real gateway, on every
 * database kind: the EULA comes first, the request is recorded and listed, the password is stored only sealed and
 * shows up in no response, event, subscription payload or log line; scopes and tenant isolation.
 */
import { randomUUID } from 'node:crypto';
import { DEV_ACCOUNT_ID } from '../../lib/auth';
import { redactedForLog } from '../../lib/errors';
import { OutboxEvent } from '../../lib/outbox';
import { openSecret, secretsKey } from '../../lib/secrets';
import { TENANT_FILTER } from '../../lib/tenancy';
import { DeviceCallHomeInstallation } from '../../subgraphs/devices/entities/DeviceCallHomeInstallation';
import { callHomePassword } from '../../subgraphs/devices/services/call-home-installations';
import { gatewayAndSubgraph, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { outboxEvents } from '../testkit/outbox';
import { startTestStackWithWs, type TestStackWithWs } from '../testkit/stack-with-ws';

const PASSWORD = `pw-${randomUUID()}`;
const INPUT = {
  username: 'csr-admin', password: PASSWORD, licenseServerUrl: 'https://tools-stage-was5.cisco.com/SWIFT/Licensing/',
  pakId: '3NGE2JB6C57', sendToEmailId: 'licenses@example.com',
};
const FIELDS = 'id deviceId username licenseServerUrl pakId sendToEmailId status requestedAt device { id }';
const INSTALL = `mutation($d: ID!, $i: DeviceCallHomeInstallInput!) { installDeviceLicenseByCallHome(deviceId: $d, input: $i) { ${FIELDS} } }`;
const LIST = `query($d: ID!) { device(id: $d) { callHomeInstallations { totalCount edges { node { ${FIELDS} } } } } }`;
const REGISTER = 'mutation($f: String!) { registerDevice(input: { fingerprint: $f, productId: "CSR1000V", serialNumber: "9DHICRRBJEL" }) { id } }';
const EULA = 'mutation($d: ID!, $a: Boolean!) { acceptDeviceEula(deviceId: $d, eulaUri: "/api/v1/license/eula", accept: $a) { id } }';
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { id callHomeInstallations { totalCount } } } }';
const LOG_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

describe.each(DATABASE_KINDS)('device license installation by call-home (%s)', (kind) => {
  let t: TestStackWithWs;
  const logged: unknown[][] = [];
  const spies: jest.SpyInstance[] = [];
  const orm = () => t.stack.subgraphs.devices.orm;
  /** The installation rows, read straight from the table (no tenant filter), with the sealed password loaded. */
  const rows = (where: Partial<DeviceCallHomeInstallation> = {}) => orm().em.fork().find(DeviceCallHomeInstallation, where, {
    filters: false, populate: ['passwordSealed'], orderBy: { requestedAt: 'asc' },
  });
  /** An entity manager acting for the test account, as the devices subgraph's call-home agent would. */
  const accountEm = () => {
    const em = orm().em.fork();
    em.setFilterParams(TENANT_FILTER, { accountId: DEV_ACCOUNT_ID });
    return em;
  };
  const newDevice = async (eulaAccepted: boolean): Promise<string> => {
    const { registerDevice } = await t.gateway.ok(REGISTER, { f: `fp-${randomUUID()}` });
    if (eulaAccepted) await t.gateway.ok(EULA, { d: registerDevice.id, a: true });
    return registerDevice.id;
  };

  beforeAll(async () => {
    // every log line of the gateway and the subgraphs (they run in this process) is kept, to be searched
    for (const method of LOG_METHODS) {
      spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => { logged.push(args); }));
    }
    t = await startTestStackWithWs(kind);
  });
  afterAll(async () => {
    await t?.stop();
    for (const spy of spies) spy.mockRestore();
  });

  it('refuses the installation with CONFLICT while the EULA is not accepted (never, or declined), writing nothing', async () => {
    const never = await newDevice(false);
    const declined = await newDevice(true);
    await t.gateway.ok(EULA, { d: declined, a: false });
    for (const deviceId of [never, declined]) {
      const eventsBefore = (await outboxEvents(orm(), { entityId: deviceId })).length;
      const error = await t.gateway.fails('CONFLICT', INSTALL, { d: deviceId, i: INPUT });
      expect(error.message).toBe('The EULA of the device must be accepted (acceptDeviceEula) before a license is installed');
      expect(error.extensions).toMatchObject({ reason: 'EULA_NOT_ACCEPTED', argumentPath: ['deviceId'] });
      expect(await rows({ deviceId })).toEqual([]);
      expect((await outboxEvents(orm(), { entityId: deviceId })).length).toBe(eventsBefore);
      expect((await t.gateway.ok(LIST, { d: deviceId })).device.callHomeInstallations).toEqual({ totalCount: 0, edges: [] });
    }
  });

  it('records the request as REQUESTED and lists the device\'s installations newest first', async () => {
    const deviceId = await newDevice(true);
    const first = (await t.gateway.ok(INSTALL, { d: deviceId, i: INPUT })).installDeviceLicenseByCallHome;
    const { password: _password, ...shown } = INPUT;
    expect(first).toEqual({ ...shown, id: expect.any(String), deviceId, status: 'REQUESTED', requestedAt: expect.any(String), device: { id: deviceId } });
    const second = (await t.gateway.ok(INSTALL, { d: deviceId, i: { ...INPUT, pakId: 'SECONDPAK01' } })).installDeviceLicenseByCallHome;
    expect(Date.parse(second.requestedAt)).toBeGreaterThan(Date.parse(first.requestedAt));
    const { device } = await t.gateway.ok(LIST, { d: deviceId });
    expect(device.callHomeInstallations).toEqual({ totalCount: 2, edges: [{ node: second }, { node: first }] });
    const stored = await rows({ deviceId });
    expect(stored.map((row) => [row.id, row.accountId, row.status, row.pakId, row.requestedAt.toISOString()])).toEqual([
      [first.id, DEV_ACCOUNT_ID, 'REQUESTED', INPUT.pakId, first.requestedAt],
      [second.id, DEV_ACCOUNT_ID, 'REQUESTED', 'SECONDPAK01', second.requestedAt],
    ]);
  });

  it('stores the password only sealed: the column is not the password and opens to it with the secret', async () => {
    const deviceId = await newDevice(true);
    const { id } = (await t.gateway.ok(INSTALL, { d: deviceId, i: INPUT })).installDeviceLicenseByCallHome;
    const [row] = await rows({ id });
    expect(row.passwordSealed).toMatch(/^v1(\.[A-Za-z0-9_-]+){4}$/);
    expect(row.passwordSealed).not.toContain(PASSWORD);
    expect(openSecret(row.passwordSealed, secretsKey())).toBe(PASSWORD);
    // an ordinary read does not load the column; the call-home agent's service function opens it
    const em = accountEm();
    const plain = await em.findOneOrFail(DeviceCallHomeInstallation, { id });
    expect(plain.passwordSealed).toBeUndefined();
    expect(await callHomePassword(em, plain)).toBe(PASSWORD);
    // a sealed value changed at rest does not open
    const parts = row.passwordSealed.split('.');
    parts[4] = (parts[4][0] === 'A' ? 'B' : 'A') + parts[4].slice(1);
    await orm().em.fork().nativeUpdate(DeviceCallHomeInstallation, { id }, { passwordSealed: parts.join('.') }, { filters: false });
    const other = accountEm();
    const tampered = await other.findOneOrFail(DeviceCallHomeInstallation, { id });
    await expect(callHomePassword(other, tampered)).rejects.toThrow('The sealed secret could not be opened (wrong secret or tampered data)');
    // and the schema has no field that could return it
    const { __type } = await t.gateway.ok('{ __type(name: "DeviceCallHomeInstallation") { fields { name } } }');
    expect((__type.fields as Array<{ name: string }>).map((f) => f.name).sort()).toEqual([
      'device', 'deviceId', 'id', 'licenseServerUrl', 'pakId', 'requestedAt', 'sendToEmailId', 'status', 'username',
    ]);
  });

  it('delivers device.license.call-home-requested to deviceEvents and records it, without the password', async () => {
    const deviceId = await newDevice(true);
    const sub = await t.subscribeAfterDrain(`subscription($d: ID) { deviceEvents(deviceId: $d) { type deviceId data device { id eulaAccepted } } }`, { d: deviceId });
    const installation = (await t.gateway.ok(INSTALL, { d: deviceId, i: INPUT })).installDeviceLicenseByCallHome;
    const delivered = await sub.next();
    sub.unsubscribe();
    expect(delivered.errors).toBeUndefined();
    expect(delivered.data?.deviceEvents).toMatchObject({
      type: 'device.license.call-home-requested', deviceId, device: { id: deviceId, eulaAccepted: true }, data: { id: deviceId },
    });
    expect(JSON.stringify(delivered)).not.toContain(PASSWORD);
    const [event] = await outboxEvents(orm(), { entityId: deviceId, type: 'device.license.call-home-requested' });
    expect(event).toMatchObject({ entityType: 'Device', accountId: DEV_ACCOUNT_ID });
    const { password: _password, ...shown } = INPUT;
    expect(event.payload).toEqual({
      data: expect.objectContaining({ id: deviceId }), deviceId,
      callHomeInstallation: { ...shown, id: installation.id, status: 'REQUESTED', requestedAt: installation.requestedAt },
    });
    expect(JSON.stringify(event.payload)).not.toMatch(/password/i);
  });

  it('refuses bad input with BAD_USER_INPUT at its path, without repeating the password, writing nothing', async () => {
    const deviceId = await newDevice(true);
    const cases: Array<[Record<string, string>, string]> = [
      [{ password: ' ' }, 'password'], [{ password: `${PASSWORD}\n` }, 'password'], [{ username: '' }, 'username'],
      [{ licenseServerUrl: 'http://tools-stage-was5.cisco.com/SWIFT/Licensing/' }, 'licenseServerUrl'],
      [{ licenseServerUrl: `https://admin:${PASSWORD}@licensing.example.com/` }, 'licenseServerUrl'],
      [{ pakId: 'two words' }, 'pakId'], [{ sendToEmailId: 'not-an-email' }, 'sendToEmailId'],
    ];
    for (const [change, field] of cases) {
      const response = await t.gateway.raw(INSTALL, { d: deviceId, i: { ...INPUT, ...change } });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['input', field] });
      expect(JSON.stringify(response)).not.toContain(PASSWORD);
    }
    expect(await rows({ deviceId })).toEqual([]);
  });

  it('does not send the password back when graphql-js refuses the variables (a missing field, a field of the wrong type)', async () => {
    const deviceId = await newDevice(true);
    const { pakId: _pakId, ...withoutPakId } = INPUT;
    const missing = await t.gateway.fails('BAD_USER_INPUT', INSTALL, { d: deviceId, i: withoutPakId });
    expect(missing.message).toBe(
      'Variable "$i" got invalid value { username: "csr-admin", password: "<redacted>", licenseServerUrl: "https://tools-stage-was5.cisco.com/SWIFT/Licensing/", '
      + 'sendToEmailId: "licenses@example.com" }; Field "pakId" of required type "String!" was not provided.',
    );
    const numeric = await t.gateway.fails('BAD_USER_INPUT', INSTALL, { d: deviceId, i: { ...INPUT, password: 918273645 } });
    expect(numeric.message).toBe('Variable "$i" got invalid value "<redacted>" at "i.password"; the value is not valid for its type.');
    expect(await rows({ deviceId })).toEqual([]);
  });

  it('a failed insert of an installation is logged without its values (the sealed password among them)', async () => {
    const deviceId = await newDevice(true);
    const { id } = (await t.gateway.ok(INSTALL, { d: deviceId, i: INPUT })).installDeviceLicenseByCallHome;
    const [row] = await rows({ id });
    const duplicate = Object.assign(new DeviceCallHomeInstallation(), { ...row, passwordSealed: row.passwordSealed });
    const error = await orm().em.fork().persist(duplicate).flush().then(() => null, (err: unknown) => err);
    // the driver's error quotes the statement with its values: what is logged must not
    expect(String((error as Error).stack)).toContain(row.passwordSealed);
    expect(redactedForLog(error)).not.toContain(row.passwordSealed);
    expect(redactedForLog(error)).toContain('devices_call_home_installation');
  });

  it('answers NOT_FOUND for an unknown or malformed device', async () => {
    for (const d of [randomUUID(), 'not-a-uuid']) await t.gateway.fails('NOT_FOUND', INSTALL, { d, i: INPUT });
  });

  describe('scopes and accounts', () => {
    let deviceId: string;
    let count: number;
    beforeAll(async () => {
      deviceId = await newDevice(true);
      await t.gateway.ok(INSTALL, { d: deviceId, i: INPUT });
      count = (await rows()).length;
    });
    const devicesUrl = () => t.stack.subgraphs.devices.url;

    it('a token with only device:read gets FORBIDDEN on the installation, and no row is written', async () => {
      const api = gatewayAndSubgraph(t, devicesUrl(), await testToken({ scopes: ['device:read'] }));
      for (const c of [api.gateway, api.subgraph]) {
        const error = await c.fails('FORBIDDEN', INSTALL, { d: deviceId, i: INPUT });
        expect(error.message).toBe('Mutation.installDeviceLicenseByCallHome requires the scope device:write');
      }
      expect((await rows()).length).toBe(count);
      // reading them is what device:read is for
      expect((await api.gateway.ok(LIST, { d: deviceId })).device.callHomeInstallations.totalCount).toBe(1);
    });

    it('a token with only device:write installs but cannot list the installations', async () => {
      const api = gatewayAndSubgraph(t, devicesUrl(), await testToken({ scopes: ['device:write'] }));
      const { installDeviceLicenseByCallHome } = await api.gateway.ok(
        'mutation($d: ID!, $i: DeviceCallHomeInstallInput!) { installDeviceLicenseByCallHome(deviceId: $d, input: $i) { id status } }', { d: deviceId, i: INPUT },
      );
      expect(installDeviceLicenseByCallHome).toEqual({ id: expect.any(String), status: 'REQUESTED' });
      await api.subgraph.fails('FORBIDDEN', ENTITIES, { r: [{ __typename: 'Device', id: deviceId }] });
      count += 1;
      expect((await rows()).length).toBe(count);
    });

    it('another account neither sees the installations nor installs on the device (NOT_FOUND), and writes nothing', async () => {
      const other = gatewayAndSubgraph(t, devicesUrl(), await testToken({ accountId: randomUUID(), subject: 'other-account' }));
      for (const c of [other.gateway, other.subgraph]) {
        expect(await c.ok(LIST, { d: deviceId })).toEqual({ device: null });
        await c.fails('NOT_FOUND', INSTALL, { d: deviceId, i: INPUT });
      }
      const { _entities } = await other.subgraph.ok(ENTITIES, { r: [{ __typename: 'Device', id: deviceId }] });
      expect(_entities).toEqual([null]);
      expect((await rows()).length).toBe(count);
      expect((await t.gateway.ok(LIST, { d: deviceId })).device.callHomeInstallations.totalCount).toBe(2);
    });
  });

  it('deleting the device deletes its installations', async () => {
    const deviceId = await newDevice(true);
    await t.gateway.ok(INSTALL, { d: deviceId, i: INPUT });
    await t.gateway.ok('mutation($d: ID!) { deleteDevice(id: $d) { id } }', { d: deviceId });
    expect(await rows({ deviceId })).toEqual([]);
  });

  it('no log line of the gateway or the subgraphs holds the password or its sealed form', async () => {
    const sealed = (await rows()).map((row) => row.passwordSealed);
    expect(sealed.length).toBeGreaterThan(0);
    const text = logged.map((args) => args.map((arg) => (arg instanceof Error ? `${arg.stack}` : JSON.stringify(arg) ?? String(arg))).join(' ')).join('\n');
    expect(text).not.toContain(PASSWORD);
    for (const value of sealed) expect(text).not.toContain(value);
    // the outbox rows of the whole run do not hold it either
    const all = await orm().em.fork().find(OutboxEvent, {}, { filters: false });
    expect(JSON.stringify(all.map((event) => event.payload))).not.toContain(PASSWORD);
  });
});
