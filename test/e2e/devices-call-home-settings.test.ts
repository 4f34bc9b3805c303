/**
 * Call-home settings of devices (seed 004 GET / PUT /api/v1/call-home) through the real gateway, on every database
 * kind: the defaults, the seed's example, partial updates and null restoring defaults, the seed's ranges refused at
 * their argument paths, the event (through a WebSocket subscription too), scopes and tenant isolation.
 */
import { randomUUID } from 'node:crypto';
import { gatewayAndSubgraph, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { outboxEvents } from '../testkit/outbox';
import { startTestStackWithWs, type TestStackWithWs } from '../testkit/stack-with-ws';

const CALL_HOME = `callHome { aaaAuthorization aaaAuthorizationUsername contactEmail dataPrivacy { level hostname }
  httpProxy { serverAddress serverPort } rateLimit }`;
const READ = `query($d: ID!) { device(id: $d) { ${CALL_HOME} } }`;
const UPDATE = `mutation($d: ID!, $i: UpdateDeviceCallHomeInput!) { updateDeviceCallHome(deviceId: $d, input: $i) { id ${CALL_HOME} } }`;
const DEFAULTS = {
  aaaAuthorization: false, aaaAuthorizationUsername: 'callhome', contactEmail: null, dataPrivacy: { level: 'NORMAL', hostname: false },
  httpProxy: null, rateLimit: 20,
};
// seed 004's example PUT /api/v1/call-home, which its GET returns
const SEED_EXAMPLE = {
  aaaAuthorization: true, aaaAuthorizationUsername: 'cisco', contactEmail: 'test@cisco.com', dataPrivacy: { level: 'HIGH', hostname: false },
  httpProxy: { serverAddress: 'cisco-proxy', serverPort: 8080 }, rateLimit: 30,
};

describe.each(DATABASE_KINDS)('device call-home settings (%s)', (kind) => {
  let t: TestStackWithWs;
  const orm = () => t.stack.subgraphs.devices.orm;
  const read = async (d: string) => (await t.gateway.ok(READ, { d })).device.callHome;
  const update = async (d: string, i: Record<string, unknown>) => (await t.gateway.ok(UPDATE, { d, i })).updateDeviceCallHome.callHome;
  const newDevice = async (): Promise<string> =>
    (await t.gateway.ok('mutation($f: String!) { registerDevice(input: { fingerprint: $f }) { id } }', { f: `fp-${randomUUID()}` })).registerDevice.id;

  beforeAll(async () => {
    t = await startTestStackWithWs(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a device that never set them has the defaults; the seed\'s example is stored and read back as given', async () => {
    const d = await newDevice();
    expect(await read(d)).toEqual(DEFAULTS);
    expect(await update(d, SEED_EXAMPLE)).toEqual(SEED_EXAMPLE);
    expect(await read(d)).toEqual(SEED_EXAMPLE);
    const [event] = await outboxEvents(orm(), { entityId: d, type: 'device.call-home-settings.updated' });
    expect(event.payload).toMatchObject({
      deviceId: d, callHome: SEED_EXAMPLE, data: { id: d, callHomeRateLimit: 30, callHomeHttpProxyServerAddress: 'cisco-proxy' },
    });
  });

  it('changes only the properties given; null restores a default', async () => {
    const d = await newDevice();
    await update(d, SEED_EXAMPLE);
    expect(await update(d, { rateLimit: 60, dataPrivacy: { level: 'NORMAL', hostname: true } })).toEqual({
      ...SEED_EXAMPLE, rateLimit: 60, dataPrivacy: { level: 'NORMAL', hostname: true },
    });
    expect(await update(d, { httpProxy: null, contactEmail: null, aaaAuthorizationUsername: null })).toEqual({
      ...SEED_EXAMPLE, rateLimit: 60, dataPrivacy: { level: 'NORMAL', hostname: true }, httpProxy: null, contactEmail: null, aaaAuthorizationUsername: 'callhome',
    });
    expect(await update(d, { aaaAuthorization: null, dataPrivacy: null, rateLimit: null })).toEqual(DEFAULTS);
    const events = (await outboxEvents(orm(), { entityId: d })).length;
    expect(await update(d, {})).toEqual(DEFAULTS);
    expect((await outboxEvents(orm(), { entityId: d })).length).toBe(events);
    expect(await update(d, { httpProxy: { serverAddress: '2001:db8::1', serverPort: 65535 }, rateLimit: 1 })).toEqual({
      ...DEFAULTS, httpProxy: { serverAddress: '2001:db8::1', serverPort: 65535 }, rateLimit: 1,
    });
  });

  it('refuses values outside the seed\'s ranges with BAD_USER_INPUT at their path, changing nothing', async () => {
    const d = await newDevice();
    await update(d, SEED_EXAMPLE);
    const events = (await outboxEvents(orm(), { entityId: d })).length;
    const cases: Array<[Record<string, unknown>, string[], string?]> = [
      [{ rateLimit: 0 }, ['input', 'rateLimit'], 'rateLimit must be a whole number from 1 to 60, got 0'],
      [{ rateLimit: 61 }, ['input', 'rateLimit']],
      [{ httpProxy: { serverAddress: 'proxy', serverPort: 0 } }, ['input', 'httpProxy', 'serverPort']],
      [{ httpProxy: { serverAddress: 'proxy', serverPort: 65536 } }, ['input', 'httpProxy', 'serverPort'], 'serverPort must be a whole number from 1 to 65535, got 65536'],
      [{ httpProxy: { serverAddress: 'http://proxy:8080', serverPort: 8080 } }, ['input', 'httpProxy', 'serverAddress']],
      [{ contactEmail: 'nobody' }, ['input', 'contactEmail'], 'contactEmail must be an email address such as licenses@example.com'],
      [{ aaaAuthorizationUsername: 'two words' }, ['input', 'aaaAuthorizationUsername']],
      // a valid property beside a refused one is not written either
      [{ rateLimit: 10, contactEmail: 'nobody' }, ['input', 'contactEmail']],
    ];
    for (const [input, path, message] of cases) {
      const error = await t.gateway.fails('BAD_USER_INPUT', UPDATE, { d, i: input });
      expect(error.extensions?.argumentPath).toEqual(path);
      if (message) expect(error.message).toBe(message);
    }
    // an unknown privacy level is refused by the schema (the enum has NORMAL and HIGH only)
    await t.gateway.fails('BAD_USER_INPUT', UPDATE, { d, i: { dataPrivacy: { level: 'LOW', hostname: false } } });
    expect(await read(d)).toEqual(SEED_EXAMPLE);
    expect((await outboxEvents(orm(), { entityId: d })).length).toBe(events);
    for (const missing of [randomUUID(), 'not-a-uuid']) await t.gateway.fails('NOT_FOUND', UPDATE, { d: missing, i: { rateLimit: 10 } });
  });

  it('delivers device.call-home-settings.updated to a deviceEvents subscription over WebSocket', async () => {
    const d = await newDevice();
    const sub = await t.subscribeAfterDrain(`subscription($d: ID) { deviceEvents(deviceId: $d, types: ["device.call-home-settings.updated"]) {
      type deviceId device { id callHome { rateLimit contactEmail } } } }`, { d });
    await update(d, { rateLimit: 45, contactEmail: 'noc@example.com' });
    const delivered = await sub.next();
    sub.unsubscribe();
    expect(delivered.errors).toBeUndefined();
    expect(delivered.data?.deviceEvents).toEqual({
      type: 'device.call-home-settings.updated', deviceId: d, device: { id: d, callHome: { rateLimit: 45, contactEmail: 'noc@example.com' } },
    });
  });

  describe('scopes and accounts', () => {
    it('a token with only device:read gets FORBIDDEN on updateDeviceCallHome and changes nothing; it reads the settings', async () => {
      const d = await newDevice();
      await update(d, SEED_EXAMPLE);
      const api = gatewayAndSubgraph(t, t.stack.subgraphs.devices.url, await testToken({ scopes: ['device:read'] }));
      for (const c of [api.gateway, api.subgraph]) {
        const error = await c.fails('FORBIDDEN', UPDATE, { d, i: { rateLimit: 5 } });
        expect(error.message).toBe('Mutation.updateDeviceCallHome requires the scope device:write');
        expect((await c.ok(READ, { d })).device.callHome).toEqual(SEED_EXAMPLE);
      }
      expect(await read(d)).toEqual(SEED_EXAMPLE);
    });

    it('another account neither reads nor changes the settings (NOT_FOUND)', async () => {
      const d = await newDevice();
      await update(d, SEED_EXAMPLE);
      const other = gatewayAndSubgraph(t, t.stack.subgraphs.devices.url, await testToken({ accountId: randomUUID(), subject: 'other-account' }));
      for (const c of [other.gateway, other.subgraph]) {
        expect(await c.ok(READ, { d })).toEqual({ device: null });
        await c.fails('NOT_FOUND', UPDATE, { d, i: { rateLimit: 5, contactEmail: null } });
      }
      expect(await read(d)).toEqual(SEED_EXAMPLE);
    });
  });
});
