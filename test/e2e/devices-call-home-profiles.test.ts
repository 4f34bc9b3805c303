/**
 * Call-home profiles of devices (seed 004 /api/v1/call-home/profile: list, create, get, modify, delete) through the
 * real gateway on every database kind: defaults, every field, severities, periods and their ranges, a name unique
 * per device, exact errors that change nothing, events, scopes and tenant isolation.
 */
import { randomUUID } from 'node:crypto';
import { DEV_ACCOUNT_ID } from '../../lib/auth';
import { CallHomeProfile } from '../../subgraphs/devices/entities/CallHomeProfile';
import { gatewayAndSubgraph, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { outboxEvents, outboxTypes } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';

const PERIOD = 'daily { time } weekly { day time } monthly { day time } interval { minute } hourly { minute }';
const FIELDS = `id deviceId name active anonymousReportingOnly destinationTransportEmail destinationTransportHttp
  destinationAddress { urls emails } subscribeGroupAll { severity } subscribeGroupSyslog { severity }
  subscribeGroupConfiguration { ${PERIOD} } subscribeGroupInventory { ${PERIOD} } subscribeGroupSnapshot { ${PERIOD} } device { id }`;
const CREATE = `mutation($d: ID!, $i: CreateCallHomeProfileInput!) { createDeviceCallHomeProfile(deviceId: $d, input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($d: ID!, $n: String!, $i: UpdateCallHomeProfileInput!) { updateDeviceCallHomeProfile(deviceId: $d, name: $n, input: $i) { ${FIELDS} } }`;
const DELETE = `mutation($d: ID!, $n: String!) { deleteDeviceCallHomeProfile(deviceId: $d, name: $n) { ${FIELDS} } }`;
const LIST = `query($d: ID!) { device(id: $d) { callHomeProfiles { totalCount edges { node { ${FIELDS} } } } } }`;
const GET = `query($d: ID!, $n: String!) { device(id: $d) { callHomeProfile(name: $n) { ${FIELDS} } } }`;
const REGISTER = 'mutation($f: String!) { registerDevice(input: { fingerprint: $f }) { id } }';

const NO_PERIOD = { daily: null, weekly: null, monthly: null, interval: null, hourly: null };
/** The seed's "Create a Call-Home Profile" example. */
const SEED_EXAMPLE = {
  name: 'test', active: false, anonymousReportingOnly: false, destinationTransportEmail: true, destinationTransportHttp: true,
  destinationAddress: { urls: [], emails: ['test@cisco.com'] }, subscribeGroupAll: { severity: 'MINOR' }, subscribeGroupInventory: { daily: { time: '23:00' } },
};

describe.each(DATABASE_KINDS)('device call-home profiles (%s)', (kind) => {
  let t: TestStack;
  const orm = () => t.stack.subgraphs.devices.orm;
  const rows = (where: Partial<CallHomeProfile> = {}) => orm().em.fork().find(CallHomeProfile, where, { filters: false, orderBy: { name: 'asc' } });
  const newDevice = async (): Promise<string> => (await t.gateway.ok(REGISTER, { f: `fp-${randomUUID()}` })).registerDevice.id;

  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  it('creates the seed example and a profile of defaults (active, no transport, no destination, no groups)', async () => {
    const deviceId = await newDevice();
    const created = (await t.gateway.ok(CREATE, { d: deviceId, i: SEED_EXAMPLE })).createDeviceCallHomeProfile;
    expect(created).toEqual({
      ...SEED_EXAMPLE, id: expect.any(String), deviceId, device: { id: deviceId },
      subscribeGroupSyslog: null, subscribeGroupConfiguration: null, subscribeGroupSnapshot: null,
      subscribeGroupInventory: { ...NO_PERIOD, daily: { time: '23:00' } },
    });
    const plain = (await t.gateway.ok(CREATE, { d: deviceId, i: { name: 'CiscoTest' } })).createDeviceCallHomeProfile;
    expect(plain).toEqual({
      id: expect.any(String), deviceId, device: { id: deviceId }, name: 'CiscoTest', active: true, anonymousReportingOnly: false,
      destinationTransportEmail: false, destinationTransportHttp: false, destinationAddress: { urls: [], emails: [] },
      subscribeGroupAll: null, subscribeGroupSyslog: null, subscribeGroupConfiguration: null, subscribeGroupInventory: null, subscribeGroupSnapshot: null,
    });
    // listed by name; read by name; an unknown name reads as null
    expect((await t.gateway.ok(LIST, { d: deviceId })).device.callHomeProfiles).toEqual({ totalCount: 2, edges: [{ node: plain }, { node: created }] });
    expect((await t.gateway.ok(GET, { d: deviceId, n: 'test' })).device.callHomeProfile).toEqual(created);
    expect((await t.gateway.ok(GET, { d: deviceId, n: 'TEST' })).device.callHomeProfile).toBeNull();
    expect((await rows({ deviceId })).map((row) => [row.name, row.accountId])).toEqual([['CiscoTest', DEV_ACCOUNT_ID], ['test', DEV_ACCOUNT_ID]]);
    const events = await outboxEvents(orm(), { entityId: deviceId, type: 'device.call-home-profile.created' });
    expect(events.map((event) => (event.payload.callHomeProfile as { name: string }).name)).toEqual(['test', 'CiscoTest']);
  });

  it('takes every severity and every period of each group at the ends of their ranges', async () => {
    const deviceId = await newDevice();
    const severities = ['CATASTROPHIC', 'CRITICAL', 'DEBUGGING', 'DISASTER', 'FATAL', 'MAJOR', 'MINOR', 'NORMAL', 'NOTIFICATION', 'EVENT'];
    for (const [i, severity] of severities.entries()) {
      const p = (await t.gateway.ok(CREATE, { d: deviceId, i: { name: `s${i}`, subscribeGroupAll: { severity }, subscribeGroupSyslog: { severity } } })).createDeviceCallHomeProfile;
      expect([p.subscribeGroupAll, p.subscribeGroupSyslog]).toEqual([{ severity }, { severity }]);
    }
    const periods = [
      { daily: { time: '00:00' } }, { weekly: { day: 'TUES', time: '23:59' } }, { weekly: { day: 'THURS', time: '12:30' } },
      { monthly: { day: 1, time: '08:05' } }, { monthly: { day: 31, time: '19:00' } },
    ];
    for (const [i, period] of periods.entries()) {
      const input = { name: `p${i}`, subscribeGroupConfiguration: period, subscribeGroupInventory: period, subscribeGroupSnapshot: period };
      const p = (await t.gateway.ok(CREATE, { d: deviceId, i: input })).createDeviceCallHomeProfile;
      for (const group of [p.subscribeGroupConfiguration, p.subscribeGroupInventory, p.subscribeGroupSnapshot]) expect(group).toEqual({ ...NO_PERIOD, ...period });
    }
    for (const [i, period] of [{ interval: { minute: 1 } }, { interval: { minute: 60 } }, { hourly: { minute: 0 } }, { hourly: { minute: 59 } }].entries()) {
      const p = (await t.gateway.ok(CREATE, { d: deviceId, i: { name: `snap${i}`, subscribeGroupSnapshot: period } })).createDeviceCallHomeProfile;
      expect(p.subscribeGroupSnapshot).toEqual({ ...NO_PERIOD, ...period });
    }
    expect((await rows({ deviceId })).length).toBe(severities.length + periods.length + 4);
  });

  it('refuses what the seed does not allow with BAD_USER_INPUT at its path, writing nothing', async () => {
    const deviceId = await newDevice();
    const cases: Array<[Record<string, unknown>, Array<string | number>]> = [
      [{ name: '' }, ['input', 'name']], [{ name: 'two words' }, ['input', 'name']], [{ name: 'a/b' }, ['input', 'name']], [{ name: 'x'.repeat(65) }, ['input', 'name']],
      [{ subscribeGroupInventory: { interval: { minute: 5 } } }, ['input', 'subscribeGroupInventory', 'interval']],
      [{ subscribeGroupConfiguration: { hourly: { minute: 5 } } }, ['input', 'subscribeGroupConfiguration', 'hourly']],
      [{ subscribeGroupSnapshot: {} }, ['input', 'subscribeGroupSnapshot']],
      [{ subscribeGroupSnapshot: { daily: { time: '10:00' }, hourly: { minute: 1 } } }, ['input', 'subscribeGroupSnapshot']],
      [{ subscribeGroupSnapshot: { interval: { minute: 0 } } }, ['input', 'subscribeGroupSnapshot', 'interval', 'minute']],
      [{ subscribeGroupSnapshot: { interval: { minute: 61 } } }, ['input', 'subscribeGroupSnapshot', 'interval', 'minute']],
      [{ subscribeGroupSnapshot: { hourly: { minute: 60 } } }, ['input', 'subscribeGroupSnapshot', 'hourly', 'minute']],
      [{ subscribeGroupSnapshot: { hourly: { minute: -1 } } }, ['input', 'subscribeGroupSnapshot', 'hourly', 'minute']],
      [{ subscribeGroupInventory: { monthly: { day: 0, time: '10:00' } } }, ['input', 'subscribeGroupInventory', 'monthly', 'day']],
      [{ subscribeGroupInventory: { monthly: { day: 32, time: '10:00' } } }, ['input', 'subscribeGroupInventory', 'monthly', 'day']],
      [{ subscribeGroupInventory: { daily: { time: '24:00' } } }, ['input', 'subscribeGroupInventory', 'daily', 'time']],
      [{ subscribeGroupInventory: { weekly: { day: 'MON', time: '9:00' } } }, ['input', 'subscribeGroupInventory', 'weekly', 'time']],
      [{ destinationAddress: { urls: ['ftp://cisco.com'] } }, ['input', 'destinationAddress', 'urls', 0]],
      [{ destinationAddress: { urls: ['http://a.example', 'https://u:p@b.example'] } }, ['input', 'destinationAddress', 'urls', 1]],
      [{ destinationAddress: { emails: ['test@cisco.com', 'not-an-email'] } }, ['input', 'destinationAddress', 'emails', 1]],
      [{ destinationAddress: { emails: ['test@cisco.com', 'test@cisco.com'] } }, ['input', 'destinationAddress', 'emails', 1]],
      [{ destinationAddress: { urls: Array.from({ length: 11 }, (_, i) => `http://h${i}.example`) } }, ['input', 'destinationAddress', 'urls']],
    ];
    for (const [change, argumentPath] of cases) {
      const error = await t.gateway.fails('BAD_USER_INPUT', CREATE, { d: deviceId, i: { name: 'bad', ...change } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath });
    }
    // an unknown severity or weekday is refused by GraphQL itself
    await t.gateway.fails('BAD_USER_INPUT', CREATE, { d: deviceId, i: { name: 'bad', subscribeGroupAll: { severity: 'WARNING' } } });
    await t.gateway.fails('BAD_USER_INPUT', CREATE, { d: deviceId, i: { name: 'bad', subscribeGroupInventory: { weekly: { day: 'TUE', time: '10:00' } } } });
    const error = await t.gateway.fails('BAD_USER_INPUT', CREATE, { d: deviceId, i: { name: 'bad', subscribeGroupInventory: { interval: { minute: 5 } } } });
    expect(error.message).toBe('subscribeGroupInventory takes a daily, weekly, monthly period, not interval');
    expect(await rows({ deviceId })).toEqual([]);
    expect(await outboxTypes(orm(), { entityId: deviceId })).toEqual(['device.registered']);
  });

  it('a name is unique per device: CONFLICT on the same device, fine on another', async () => {
    const [one, two] = [await newDevice(), await newDevice()];
    await t.gateway.ok(CREATE, { d: one, i: { name: 'CiscoTest' } });
    const error = await t.gateway.fails('CONFLICT', CREATE, { d: one, i: { name: 'CiscoTest', active: false } });
    expect(error.message).toBe('The device already has a call-home profile named "CiscoTest"');
    expect(error.extensions).toMatchObject({ reason: 'PROFILE_NAME_TAKEN', argumentPath: ['input', 'name'] });
    expect((await t.gateway.ok(CREATE, { d: two, i: { name: 'CiscoTest' } })).createDeviceCallHomeProfile.deviceId).toBe(two);
    expect((await rows({ deviceId: one })).map((row) => row.active)).toEqual([true]);
  });

  it('modifies only the fields given (the seed example); null ends a group and is refused for a flag', async () => {
    const deviceId = await newDevice();
    await t.gateway.ok(CREATE, { d: deviceId, i: SEED_EXAMPLE });
    const change = { active: true, anonymousReportingOnly: true, destinationTransportEmail: false, destinationTransportHttp: true,
      destinationAddress: { urls: ['http://cisco.com'], emails: ['test@cisco.com'] } };
    const updated = (await t.gateway.ok(UPDATE, { d: deviceId, n: 'test', i: change })).updateDeviceCallHomeProfile;
    expect(updated).toMatchObject({ ...change, name: 'test', subscribeGroupAll: { severity: 'MINOR' }, subscribeGroupInventory: { ...NO_PERIOD, daily: { time: '23:00' } } });
    const cleared = (await t.gateway.ok(UPDATE, { d: deviceId, n: 'test', i: { subscribeGroupAll: null, subscribeGroupSnapshot: { hourly: { minute: 15 } } } }))
      .updateDeviceCallHomeProfile;
    expect(cleared).toEqual({ ...updated, subscribeGroupAll: null, subscribeGroupSnapshot: { ...NO_PERIOD, hourly: { minute: 15 } } });
    const error = await t.gateway.fails('BAD_USER_INPUT', UPDATE, { d: deviceId, n: 'test', i: { active: null, subscribeGroupInventory: null } });
    expect(error.extensions).toMatchObject({ argumentPath: ['input', 'active'] });
    await t.gateway.fails('BAD_USER_INPUT', UPDATE, { d: deviceId, n: 'test', i: { subscribeGroupInventory: { hourly: { minute: 1 } } } });
    expect((await t.gateway.ok(GET, { d: deviceId, n: 'test' })).device.callHomeProfile).toEqual(cleared);
    expect(await outboxTypes(orm(), { entityId: deviceId })).toEqual([
      'device.registered', 'device.call-home-profile.created', 'device.call-home-profile.updated', 'device.call-home-profile.updated',
    ]);
  });

  it('deletes a profile by name and returns it; NOT_FOUND for an unknown name or device, changing nothing', async () => {
    const deviceId = await newDevice();
    const profile = (await t.gateway.ok(CREATE, { d: deviceId, i: SEED_EXAMPLE })).createDeviceCallHomeProfile;
    await t.gateway.ok(CREATE, { d: deviceId, i: { name: 'kept' } });
    for (const n of ['Test', 'missing']) {
      expect((await t.gateway.fails('NOT_FOUND', UPDATE, { d: deviceId, n, i: { active: true } })).message).toBe(`CallHomeProfile ${JSON.stringify(n)} was not found`);
      await t.gateway.fails('NOT_FOUND', DELETE, { d: deviceId, n });
    }
    for (const d of [randomUUID(), 'not-a-uuid']) {
      await t.gateway.fails('NOT_FOUND', CREATE, { d, i: { name: 'x' } });
      await t.gateway.fails('NOT_FOUND', UPDATE, { d, n: 'test', i: {} });
      await t.gateway.fails('NOT_FOUND', DELETE, { d, n: 'test' });
    }
    expect((await t.gateway.ok(DELETE, { d: deviceId, n: 'test' })).deleteDeviceCallHomeProfile).toEqual(profile);
    expect((await rows({ deviceId })).map((row) => row.name)).toEqual(['kept']);
    expect((await outboxTypes(orm(), { entityId: deviceId })).slice(-1)).toEqual(['device.call-home-profile.deleted']);
    // the name is free again; deleting the device deletes its profiles
    await t.gateway.ok(CREATE, { d: deviceId, i: { name: 'test' } });
    await t.gateway.ok('mutation($d: ID!) { deleteDevice(id: $d) { id } }', { d: deviceId });
    expect(await rows({ deviceId })).toEqual([]);
  });

  describe('scopes and accounts', () => {
    let deviceId: string;
    beforeAll(async () => {
      deviceId = await newDevice();
      await t.gateway.ok(CREATE, { d: deviceId, i: SEED_EXAMPLE });
    });
    const devicesUrl = () => t.stack.subgraphs.devices.url;

    it('a token with only device:read reads profiles but gets FORBIDDEN on every change, and nothing changes', async () => {
      const before = await rows({ deviceId });
      const api = gatewayAndSubgraph(t, devicesUrl(), await testToken({ scopes: ['device:read'] }));
      for (const c of [api.gateway, api.subgraph]) {
        expect((await c.fails('FORBIDDEN', CREATE, { d: deviceId, i: { name: 'other' } })).message)
          .toBe('Mutation.createDeviceCallHomeProfile requires the scope device:write');
        await c.fails('FORBIDDEN', UPDATE, { d: deviceId, n: 'test', i: { active: true } });
        await c.fails('FORBIDDEN', DELETE, { d: deviceId, n: 'test' });
      }
      expect(await rows({ deviceId })).toEqual(before);
      expect((await api.gateway.ok(LIST, { d: deviceId })).device.callHomeProfiles.totalCount).toBe(1);
      const writer = gatewayAndSubgraph(t, devicesUrl(), await testToken({ scopes: ['device:write'] }));
      await writer.gateway.fails('FORBIDDEN', `query($d: ID!) { device(id: $d) { id } }`, { d: deviceId });
    });

    it('another account neither sees nor changes the device\'s profiles (NOT_FOUND)', async () => {
      const before = await rows({ deviceId });
      const other = gatewayAndSubgraph(t, devicesUrl(), await testToken({ accountId: randomUUID(), subject: 'other-account' }));
      for (const c of [other.gateway, other.subgraph]) {
        expect(await c.ok(LIST, { d: deviceId })).toEqual({ device: null });
        await c.fails('NOT_FOUND', CREATE, { d: deviceId, i: { name: 'theirs' } });
        await c.fails('NOT_FOUND', UPDATE, { d: deviceId, n: 'test', i: { active: true } });
        await c.fails('NOT_FOUND', DELETE, { d: deviceId, n: 'test' });
      }
      expect(await rows({ deviceId })).toEqual(before);
    });
  });
});
