/**
 * Authentication, scopes (device:read on queries and on License.deviceLicenseLines, device:write on
 * mutations) and tenant isolation of the devices subgraph, through the real gateway and straight
 * to the subgraph with the router secret, on every database kind.
 */
import { randomUUID } from 'node:crypto';
import { ALL_SCOPES } from '../../lib/auth';
import { gatewayAndSubgraph, routerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { client, type TestClient } from '../testkit/graphql';
import { describeAuthentication } from '../testkit/security';
import { startTestStack, type TestStack } from '../testkit/stack';
import { newLicense } from './licenses-fixtures';

const DEVICE = `id fingerprint serialNumber hostname cores isVirtual hostDeviceId datacenterId bootLevel throughput { level }
  eulaAccepted eulaUri updatedAt licenseLines { totalCount edges { node { id index feature } } }`;
const READ = `query($id: ID!) { device(id: $id) { ${DEVICE} } }`;
const COUNTS = '{ devices { totalCount } datacenters { totalCount } }';
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Device { id fingerprint } ... on Datacenter { id name } ... on DeviceLicenseLine { id feature }
  ... on License { id deviceLicenseLines { totalCount edges { node { id } } } } } }`;
const LINE = { feature: 'csr1kv_50m', licenseType: 'Paid Subscription', licenseState: 'Active, In Use' };
const NOT_DEVICE_SCOPES = ALL_SCOPES.filter((s) => !s.startsWith('device:'));

describe.each(DATABASE_KINDS)('devices security (%s)', (kind) => {
  let t: TestStack;
  /** Account B (the test account, every scope) owns these rows. */
  let b: { deviceId: string; datacenterId: string; lineId: string; licenseId: string };
  let before: unknown;
  const subgraph = (headers: Record<string, string>): TestClient => client(t.stack.subgraphs.devices.url, headers);
  const bearer = (token: string) => gatewayAndSubgraph(t, t.stack.subgraphs.devices.url, token);
  const readBack = async () => (await t.gateway.ok(READ, { id: b.deviceId })).device;

  beforeAll(async () => {
    t = await startTestStack(kind);
    const license = await newLicense(t);
    const { createDatacenter } = await t.gateway.ok('mutation { createDatacenter(input: { name: "B-dc" }) { id } }');
    const { registerDevice } = await t.gateway.ok(`mutation($dc: ID!) {
      registerDevice(input: { fingerprint: "fp-b", productId: "CSR1000V", serialNumber: "9DHICRRBJEL", isVirtual: true, datacenterId: $dc }) { id } }`,
    { dc: createDatacenter.id });
    const { addDeviceLicenseLine } = await t.gateway.ok(`mutation($d: ID!, $i: DeviceLicenseLineInput!) { addDeviceLicenseLine(deviceId: $d, input: $i) { id } }`,
      { d: registerDevice.id, i: { ...LINE, licenseId: license.id } });
    b = { deviceId: registerDevice.id, datacenterId: createDatacenter.id, lineId: addDeviceLicenseLine.id, licenseId: license.id };
    before = await readBack();
  });
  afterAll(async () => { await t?.stop(); });

  describeAuthentication({
    stack: () => t,
    subgraph: 'devices',
    operations: [{ query: COUNTS }, { query: 'mutation { createDatacenter(input: { name: "anonymous" }) { id } }' }],
    state: async () => [await readBack(), await t.gateway.ok(COUNTS)],
  });

  describe('scopes', () => {
    it.each([
      ['only the other subgraphs\' scopes', NOT_DEVICE_SCOPES],
      ['only license:read', ['license:read']],
      ['only device:write', ['device:write']],
    ])('a token with %s gets FORBIDDEN on the device queries', async (_name, scopes) => {
      const api = bearer(await testToken({ scopes }));
      for (const c of [api.gateway, api.subgraph]) {
        await c.fails('FORBIDDEN', '{ devices { totalCount } }');
        await c.fails('FORBIDDEN', '{ datacenters { totalCount } }');
        await c.fails('FORBIDDEN', READ, { id: b.deviceId });
        await c.fails('FORBIDDEN', 'query($f: String!) { deviceByFingerprint(fingerprint: $f) { id } }', { f: 'fp-b' });
      }
    });

    it.each([
      ['only the other subgraphs\' scopes', NOT_DEVICE_SCOPES],
      ['only device:read', ['device:read']],
    ])('a token with %s gets FORBIDDEN on the device mutations, which change nothing', async (_name, scopes) => {
      const api = bearer(await testToken({ scopes }));
      for (const c of [api.gateway, api.subgraph]) {
        await c.fails('FORBIDDEN', 'mutation($id: ID!) { setDeviceBootLevel(deviceId: $id, level: PREMIUM) { id } }', { id: b.deviceId });
        await c.fails('FORBIDDEN', 'mutation($id: ID!) { deleteDevice(id: $id) { id } }', { id: b.deviceId });
        await c.fails('FORBIDDEN', 'mutation { registerDevice(input: { fingerprint: "fp-forbidden" }) { id } }');
        await c.fails('FORBIDDEN', 'mutation { createDatacenter(input: { name: "forbidden" }) { id } }');
      }
      expect(await readBack()).toEqual(before);
      expect(await t.gateway.ok(COUNTS)).toEqual({ devices: { totalCount: 1 }, datacenters: { totalCount: 1 } });
    });

    it('License.deviceLicenseLines needs device:read, through the gateway and through _entities', async () => {
      const api = bearer(await testToken({ scopes: ['license:read'] }));
      await api.gateway.fails('FORBIDDEN', 'query($id: ID!) { license(id: $id) { id deviceLicenseLines { totalCount } } }', { id: b.licenseId });
      await api.subgraph.fails('FORBIDDEN', ENTITIES, { r: [{ __typename: 'License', id: b.licenseId }] });
      const { license } = await t.gateway.ok('query($id: ID!) { license(id: $id) { deviceLicenseLines { totalCount } } }', { id: b.licenseId });
      expect(license.deviceLicenseLines.totalCount).toBe(1);
    });
  });

  describe('tenant isolation: account A (every scope) and account B\'s rows', () => {
    let a: { gateway: TestClient; subgraph: TestClient };
    beforeAll(async () => { a = bearer(await testToken({ accountId: randomUUID(), subject: 'account-a' })); });

    it('A reads none of B\'s rows by id, by fingerprint or through lists and filters', async () => {
      for (const c of [a.gateway, a.subgraph]) {
        expect(await c.ok(`query($id: ID!, $dc: ID!) { device(id: $id) { id } deviceByFingerprint(fingerprint: "fp-b") { id } datacenter(id: $dc) { id }
          devices(filter: "fingerprint -eq \\"fp-b\\"") { totalCount } all: devices { totalCount edges { node { id } } } datacenters { totalCount } }`,
        { id: b.deviceId, dc: b.datacenterId })).toEqual({
          device: null, deviceByFingerprint: null, datacenter: null, devices: { totalCount: 0 }, all: { totalCount: 0, edges: [] }, datacenters: { totalCount: 0 },
        });
      }
    });

    it('_entities with A\'s token resolves none of B\'s rows (by id, by fingerprint, lines, a license\'s lines), B\'s token resolves them', async () => {
      const representations = [
        { __typename: 'Device', id: b.deviceId }, { __typename: 'Device', fingerprint: 'fp-b' },
        { __typename: 'Datacenter', id: b.datacenterId }, { __typename: 'DeviceLicenseLine', id: b.lineId },
        { __typename: 'License', id: b.licenseId },
      ];
      const { _entities } = await a.subgraph.ok(ENTITIES, { r: representations });
      expect(_entities).toEqual([null, null, null, null, { id: b.licenseId, deviceLicenseLines: { totalCount: 0, edges: [] } }]);
      const own = await subgraph(await routerHeaders()).ok(ENTITIES, { r: representations });
      expect(own._entities).toEqual([
        { id: b.deviceId, fingerprint: 'fp-b' }, { id: b.deviceId, fingerprint: 'fp-b' }, { id: b.datacenterId, name: 'B-dc' },
        { id: b.lineId, feature: LINE.feature }, { id: b.licenseId, deviceLicenseLines: { totalCount: 1, edges: [{ node: { id: b.lineId } }] } },
      ]);
    });

    it.each([
      ['updateDevice', 'mutation($id: ID!) { updateDevice(id: $id, input: { hostname: "stolen", cores: 64 }) { id } }'],
      ['deleteDevice', 'mutation($id: ID!) { deleteDevice(id: $id) { id } }'],
      ['addDeviceLicenseLine', `mutation($id: ID!) { addDeviceLicenseLine(deviceId: $id, input: { feature: "x", licenseType: "Evaluation", licenseState: "Active" }) { id } }`],
      ['requestDeviceUdi', 'mutation($id: ID!) { requestDeviceUdi(deviceId: $id) { id } }'],
      ['acceptDeviceEula', 'mutation($id: ID!) { acceptDeviceEula(deviceId: $id, eulaUri: "/api/v1/license/eula", accept: true) { id } }'],
      ['setDeviceBootLevel', 'mutation($id: ID!) { setDeviceBootLevel(deviceId: $id, level: PREMIUM) { id } }'],
      ['setDeviceThroughput', 'mutation($id: ID!) { setDeviceThroughput(deviceId: $id, level: 1000) { id } }'],
    ])('A\'s %s on B\'s device is NOT_FOUND and B\'s device is unchanged', async (_name, mutation) => {
      await a.gateway.fails('NOT_FOUND', mutation, { id: b.deviceId });
      await a.subgraph.fails('NOT_FOUND', mutation, { id: b.deviceId });
      expect(await readBack()).toEqual(before);
    });

    it('A cannot attach its device to B\'s host or datacenter, and B\'s fingerprint is free in A', async () => {
      const register = 'mutation($i: RegisterDeviceInput!) { registerDevice(input: $i) { id fingerprint datacenterId } }';
      const hostError = await a.gateway.fails('BAD_USER_INPUT', register, { i: { fingerprint: 'fp-a', isVirtual: true, hostDeviceId: b.deviceId } });
      expect(hostError.extensions?.argumentPath).toEqual(['input', 'hostDeviceId']);
      const dcError = await a.gateway.fails('BAD_USER_INPUT', register, { i: { fingerprint: 'fp-a', datacenterId: b.datacenterId } });
      expect(dcError.extensions?.argumentPath).toEqual(['input', 'datacenterId']);
      const { registerDevice } = await a.gateway.ok(register, { i: { fingerprint: 'fp-b' } });
      expect(registerDevice).toEqual({ id: expect.any(String), fingerprint: 'fp-b', datacenterId: null });
      expect((await a.gateway.ok(COUNTS)).devices.totalCount).toBe(1);
      expect((await t.gateway.ok('{ deviceByFingerprint(fingerprint: "fp-b") { id } }')).deviceByFingerprint.id).toBe(b.deviceId);
      expect(await readBack()).toEqual(before);
    });
  });
});
