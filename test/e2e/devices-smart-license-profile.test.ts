/**
 * The Smart Licensing `profile` names a real call-home profile (seed 004: the "Call Home profile to use with Smart
 * Licensing") through the real gateway, on every database kind: the built-in `CiscoTAC-1` is always valid and no
 * profile mutation creates, changes or deletes it; any other name must be a profile of the device; the profile in use
 * cannot be deleted; a deletion racing the choice of the same profile has exactly one consistent outcome; scopes and
 * tenant isolation.
 */
import { randomUUID } from 'node:crypto';
import { CallHomeProfile } from '../../subgraphs/devices/entities/CallHomeProfile';
import { gatewayAndSubgraph, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { outboxTypes } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';

const SMART = 'smartLicense { enabled profile state }';
const READ = `query($d: ID!) { device(id: $d) { ${SMART} callHomeProfiles { edges { node { name } } } } }`;
const POINT = `mutation($d: ID!, $e: Boolean!, $p: String) { updateDeviceSmartLicense(deviceId: $d, enable: $e, profile: $p) { ${SMART} } }`;
const CREATE = 'mutation($d: ID!, $n: String!) { createDeviceCallHomeProfile(deviceId: $d, input: { name: $n }) { name } }';
const UPDATE = 'mutation($d: ID!, $n: String!) { updateDeviceCallHomeProfile(deviceId: $d, name: $n, input: { active: false }) { name } }';
const DELETE = 'mutation($d: ID!, $n: String!) { deleteDeviceCallHomeProfile(deviceId: $d, name: $n) { name active } }';
const REGISTER = 'mutation($f: String!) { registerDevice(input: { fingerprint: $f }) { id } }';
const BUILT_IN = 'CiscoTAC-1';
const missing = (name: string) =>
  `profile must be CiscoTAC-1 or a call-home profile of the device; the device has no profile named ${JSON.stringify(name)}`;

describe.each(DATABASE_KINDS)('the Smart Licensing profile names a call-home profile (%s)', (kind) => {
  let t: TestStack;
  const orm = () => t.stack.subgraphs.devices.orm;
  const newDevice = async (): Promise<string> => (await t.gateway.ok(REGISTER, { f: `fp-${randomUUID()}` })).registerDevice.id;
  /** The Smart Licensing, the profile rows and the events of the device: what a refusal must leave as it was. */
  const snapshot = async (d: string) => ({
    smartLicense: (await t.gateway.ok(READ, { d })).device.smartLicense,
    profiles: (await orm().em.fork().find(CallHomeProfile, { deviceId: d }, { filters: false, orderBy: { name: 'asc' } })).map((p) => [p.name, p.active]),
    events: await outboxTypes(orm(), { entityId: d }),
  });
  /** A refused request answers `code` at `argumentPath` (with `reason`) and changes nothing. */
  const refused = async (d: string, code: string, query: string, variables: Record<string, unknown>, extensions: Record<string, unknown>) => {
    const before = await snapshot(d);
    const error = await t.gateway.fails(code, query, { d, ...variables });
    expect(error.extensions).toMatchObject({ code, ...extensions });
    expect(await snapshot(d)).toEqual(before);
    return error;
  };

  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  it('CiscoTAC-1 is built in: always valid for Smart Licensing, never created, changed or deleted as a profile', async () => {
    const d = await newDevice();
    expect((await t.gateway.ok(POINT, { d, e: true, p: BUILT_IN })).updateDeviceSmartLicense.smartLicense)
      .toEqual({ enabled: true, profile: BUILT_IN, state: 'UNIDENTIFIED' });
    for (const n of [BUILT_IN, ` ${BUILT_IN} `]) {
      const error = await refused(d, 'CONFLICT', CREATE, { n }, { reason: 'PROFILE_BUILT_IN', argumentPath: ['input', 'name'] });
      expect(error.message).toBe('CiscoTAC-1 is the device\'s built-in call-home profile: it cannot be created, changed or deleted');
    }
    await refused(d, 'CONFLICT', UPDATE, { n: BUILT_IN }, { reason: 'PROFILE_BUILT_IN', argumentPath: ['name'] });
    await refused(d, 'CONFLICT', DELETE, { n: BUILT_IN }, { reason: 'PROFILE_BUILT_IN', argumentPath: ['name'] });
    // names are matched exactly, as the profiles' own names: another spelling is an ordinary profile
    expect((await t.gateway.ok(CREATE, { d, n: 'ciscotac-1' })).createDeviceCallHomeProfile).toEqual({ name: 'ciscotac-1' });
    expect((await snapshot(d)).profiles).toEqual([['ciscotac-1', true]]);
  });

  it('any other profile must be one of the device\'s call-home profiles: BAD_USER_INPUT at ["profile"] otherwise', async () => {
    const [d, other] = [await newDevice(), await newDevice()];
    await t.gateway.ok(CREATE, { d: other, n: 'lab' });
    await t.gateway.ok(CREATE, { d, n: 'Lab2' });
    for (const p of ['lab', 'LAB2', 'nowhere']) {
      const error = await refused(d, 'BAD_USER_INPUT', POINT, { e: true, p }, { argumentPath: ['profile'] });
      expect(error.message).toBe(missing(p));
    }
    // the name is checked first as a name, then trimmed and looked up
    expect((await refused(d, 'BAD_USER_INPUT', POINT, { e: true, p: 'two words' }, { argumentPath: ['profile'] })).message)
      .toBe('profile must be a call-home profile name of 1 to 64 letters, digits, "-", "_" or "." (e.g. CiscoTAC-1)');
    expect((await t.gateway.ok(POINT, { d, e: true, p: ' Lab2 ' })).updateDeviceSmartLicense.smartLicense).toEqual({ enabled: true, profile: 'Lab2', state: 'UNIDENTIFIED' });
    // absent keeps it, null restores the built-in one
    expect((await t.gateway.ok(POINT, { d, e: false })).updateDeviceSmartLicense.smartLicense.profile).toBe('Lab2');
    expect((await t.gateway.ok(POINT, { d, e: false, p: null })).updateDeviceSmartLicense.smartLicense.profile).toBe(BUILT_IN);
  });

  it('the profile Smart Licensing uses (enabled or not) cannot be deleted: CONFLICT PROFILE_IN_USE, until another is chosen', async () => {
    const d = await newDevice();
    await t.gateway.ok(CREATE, { d, n: 'lab' });
    await t.gateway.ok(CREATE, { d, n: 'spare' });
    await t.gateway.ok(POINT, { d, e: true, p: 'lab' });
    const error = await refused(d, 'CONFLICT', DELETE, { n: 'lab' }, { reason: 'PROFILE_IN_USE', argumentPath: ['name'] });
    expect(error.message).toBe('The call-home profile "lab" is used by Smart Licensing: choose another profile first (updateDeviceSmartLicense)');
    await t.gateway.ok(POINT, { d, e: false });
    await refused(d, 'CONFLICT', DELETE, { n: 'lab' }, { reason: 'PROFILE_IN_USE' });
    // a profile not in use goes; so does the former one once Smart Licensing names another
    expect((await t.gateway.ok(DELETE, { d, n: 'spare' })).deleteDeviceCallHomeProfile).toEqual({ name: 'spare', active: true });
    await t.gateway.ok(POINT, { d, e: false, p: null });
    expect((await t.gateway.ok(DELETE, { d, n: 'lab' })).deleteDeviceCallHomeProfile).toEqual({ name: 'lab', active: true });
    expect(await snapshot(d)).toEqual({
      smartLicense: { enabled: false, profile: BUILT_IN, state: 'UNIDENTIFIED' }, profiles: [],
      events: [
        'device.registered', 'device.call-home-profile.created', 'device.call-home-profile.created', 'device.smart-license.updated',
        'device.smart-license.updated', 'device.call-home-profile.deleted', 'device.smart-license.updated', 'device.call-home-profile.deleted',
      ],
    });
  });

  it('a deletion racing the choice of the same profile has exactly one consistent outcome, never Smart Licensing on a deleted profile', async () => {
    await Promise.all(Array.from({ length: 6 }, async () => {
      const d = await newDevice();
      await t.gateway.ok(CREATE, { d, n: 'race' });
      const [deleted, pointed] = await Promise.all([t.gateway.raw(DELETE, { d, n: 'race' }), t.gateway.raw(POINT, { d, e: true, p: 'race' })]);
      const after = await snapshot(d);
      if (!deleted.errors) {
        // the deletion came first: the choice found no such profile
        expect(pointed.errors?.[0]).toMatchObject({ message: missing('race'), extensions: { code: 'BAD_USER_INPUT', argumentPath: ['profile'] } });
        expect(after).toEqual({ smartLicense: { enabled: false, profile: BUILT_IN, state: 'UNIDENTIFIED' }, profiles: [], events: [
          'device.registered', 'device.call-home-profile.created', 'device.call-home-profile.deleted',
        ] });
        return;
      }
      // the choice came first: the deletion found the profile in use
      expect(pointed.errors).toBeUndefined();
      expect(deleted.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROFILE_IN_USE', argumentPath: ['name'] });
      expect(after).toEqual({ smartLicense: { enabled: true, profile: 'race', state: 'UNIDENTIFIED' }, profiles: [['race', true]], events: [
        'device.registered', 'device.call-home-profile.created', 'device.smart-license.updated',
      ] });
    }));
  });

  it('a token with only device:read gets FORBIDDEN choosing or deleting a profile, and nothing changes', async () => {
    const d = await newDevice();
    await t.gateway.ok(CREATE, { d, n: 'lab' });
    const before = await snapshot(d);
    const api = gatewayAndSubgraph(t, t.stack.subgraphs.devices.url, await testToken({ scopes: ['device:read'] }));
    for (const c of [api.gateway, api.subgraph]) {
      expect((await c.fails('FORBIDDEN', POINT, { d, e: true, p: 'lab' })).message).toBe('Mutation.updateDeviceSmartLicense requires the scope device:write');
      expect((await c.fails('FORBIDDEN', DELETE, { d, n: 'lab' })).message).toBe('Mutation.deleteDeviceCallHomeProfile requires the scope device:write');
    }
    expect(await snapshot(d)).toEqual(before);
  });

  it('another account can neither point the device at its profile nor delete it (NOT_FOUND), even with a profile of that name', async () => {
    const d = await newDevice();
    await t.gateway.ok(CREATE, { d, n: 'lab' });
    await t.gateway.ok(POINT, { d, e: true, p: 'lab' });
    const before = await snapshot(d);
    const other = gatewayAndSubgraph(t, t.stack.subgraphs.devices.url, await testToken({ accountId: randomUUID(), subject: 'other-account' }));
    const theirs = (await other.gateway.ok(REGISTER, { f: `fp-${randomUUID()}` })).registerDevice.id;
    await other.gateway.ok(CREATE, { d: theirs, n: 'mine' });
    for (const c of [other.gateway, other.subgraph]) {
      await c.fails('NOT_FOUND', POINT, { d, e: true, p: null });
      await c.fails('NOT_FOUND', DELETE, { d, n: 'lab' });
    }
    // nor does a profile of the other account's device serve this device
    const error = await t.gateway.fails('BAD_USER_INPUT', POINT, { d, e: true, p: 'mine' });
    expect(error.message).toBe(missing('mine'));
    expect(await snapshot(d)).toEqual(before);
  });
});
