import { DATABASE_KINDS } from '../../test/testkit/databases';
import { outboxTypes } from '../../test/testkit/outbox';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { DEVICE_FIELDS, REGISTER } from './testing';

const ALL_LEVELS = [10, 25, 50, 100, 250, 500, 1000];

describe.each(DATABASE_KINDS)('devices subgraph: devices and datacenters (%s)', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('devices', kind); });
  afterAll(async () => { await t?.stop(); });

  let datacenterId: string;
  let hostId: string;
  let vmId: string;

  test('createDatacenter creates a datacenter and records datacenter.created', async () => {
    const { createDatacenter } = await t.api.ok(`mutation { createDatacenter(input: { name: " Frankfurt 1 ", location: "Frankfurt, DE" }) { id name location } }`);
    expect(createDatacenter).toEqual({ id: expect.any(String), name: 'Frankfurt 1', location: 'Frankfurt, DE' });
    datacenterId = createDatacenter.id;
    await t.api.ok(`mutation { createDatacenter(input: { name: "Amsterdam" }) { id } }`);
    expect(await outboxTypes(t.subgraph.orm)).toEqual(['datacenter.created', 'datacenter.created']);
  });

  test('registerDevice registers a physical device with the defaults', async () => {
    const { registerDevice } = await t.api.ok(REGISTER, { input: {
      fingerprint: 'fp-host-1', productId: 'ASR1001-X', serialNumber: 'JAE948QT6R', hostname: 'edge-1', platform: 'ASR1001-X', datacenterId,
    } });
    expect(registerDevice).toEqual({
      id: expect.any(String), fingerprint: 'fp-host-1', productId: 'ASR1001-X', serialNumber: 'JAE948QT6R',
      udi: { productId: 'ASR1001-X', serialNumber: 'JAE948QT6R', udi: 'ASR1001-X:JAE948QT6R' }, hostname: 'edge-1', platform: 'ASR1001-X',
      cores: 1, isVirtual: false, hostDeviceId: null, datacenterId, bootLevel: 'STANDARD', throughput: { level: null, allowedLevels: ALL_LEVELS },
      eulaAccepted: false, eulaAcceptedAt: null, eulaUri: null,
    });
    hostId = registerDevice.id;
  });

  test('registerDevice registers a virtual device on its host with boot level and throughput', async () => {
    const { registerDevice } = await t.api.ok(REGISTER, { input: {
      fingerprint: 'fp-vm-1', productId: 'CSR1000V', serialNumber: '9DHICRRBJEL', platform: 'CSR1000V', cores: 4,
      isVirtual: true, hostDeviceId: hostId, bootLevel: 'PREMIUM', throughput: 250,
    } });
    expect(registerDevice).toMatchObject({ cores: 4, isVirtual: true, hostDeviceId: hostId, bootLevel: 'PREMIUM', throughput: { level: 250 }, udi: { udi: 'CSR1000V:9DHICRRBJEL' } });
    vmId = registerDevice.id;
    const { device } = await t.api.ok(`query($id: ID!) { device(id: $id) { hostDevice { id } virtualDevices { totalCount edges { node { id } } } datacenter { name } } }`, { id: hostId });
    expect(device).toEqual({ hostDevice: null, virtualDevices: { totalCount: 1, edges: [{ node: { id: vmId } }] }, datacenter: { name: 'Frankfurt 1' } });
    expect(await outboxTypes(t.subgraph.orm)).toEqual(['datacenter.created', 'datacenter.created', 'device.registered', 'device.registered']);
  });

  test('a duplicate fingerprint is a CONFLICT and changes nothing', async () => {
    const error = await t.api.fails('CONFLICT', REGISTER, { input: { fingerprint: 'fp-host-1' } });
    expect(error.extensions?.argumentPath).toEqual(['input', 'fingerprint']);
    await t.api.fails('CONFLICT', `mutation($id: ID!) { updateDevice(id: $id, input: { fingerprint: "fp-host-1" }) { id } }`, { id: vmId });
    const { devices } = await t.api.ok(`{ devices { totalCount } }`);
    expect(devices.totalCount).toBe(2);
    expect(await outboxTypes(t.subgraph.orm)).toHaveLength(4);
  });

  test('registerDevice refuses bad input with the argument path', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ fingerprint: '  ' }, ['input', 'fingerprint']],
      [{ fingerprint: 'x1', cores: 0 }, ['input', 'cores']],
      [{ fingerprint: 'x2', productId: 'CSR:1000V' }, ['input', 'productId']],
      [{ fingerprint: 'x3', serialNumber: 'SN 1' }, ['input', 'serialNumber']],
      [{ fingerprint: 'x4', throughput: 75 }, ['input', 'throughput']],
      [{ fingerprint: 'x5', hostDeviceId: hostId }, ['input', 'hostDeviceId']],
      [{ fingerprint: 'x6', isVirtual: true, hostDeviceId: vmId }, ['input', 'hostDeviceId']],
      [{ fingerprint: 'x7', isVirtual: true, hostDeviceId: 'nope' }, ['input', 'hostDeviceId']],
      [{ fingerprint: 'x8', datacenterId: '00000000-0000-4000-8000-0000000000ff' }, ['input', 'datacenterId']],
    ];
    for (const [input, path] of cases) {
      const error = await t.api.fails('BAD_USER_INPUT', REGISTER, { input });
      expect(error.extensions?.argumentPath).toEqual(path);
    }
    expect((await t.api.ok(`{ devices { totalCount } }`)).devices.totalCount).toBe(2);
  });

  test('updateDevice changes only the given fields and records device.updated', async () => {
    const { updateDevice } = await t.api.ok(`mutation($id: ID!) { updateDevice(id: $id, input: { hostname: "csr-1", cores: 8, datacenterId: null }) { ${DEVICE_FIELDS} } }`, { id: vmId });
    expect(updateDevice).toMatchObject({ hostname: 'csr-1', cores: 8, platform: 'CSR1000V', isVirtual: true, hostDeviceId: hostId, datacenterId: null });
    await t.api.fails('BAD_USER_INPUT', `mutation($id: ID!) { updateDevice(id: $id, input: { cores: null }) { id } }`, { id: vmId });
    await t.api.fails('CONFLICT', `mutation($id: ID!) { updateDevice(id: $id, input: { isVirtual: true }) { id } }`, { id: hostId });
    await t.api.fails('NOT_FOUND', `mutation { updateDevice(id: "00000000-0000-4000-8000-0000000000ff", input: { hostname: "x" }) { id } }`);
    expect((await outboxTypes(t.subgraph.orm)).slice(-1)).toEqual(['device.updated']);
  });

  test('device, deviceByFingerprint, datacenter and datacenters', async () => {
    const q = `query($id: ID!, $dc: ID!) {
      device(id: $id) { fingerprint } byFp: deviceByFingerprint(fingerprint: "fp-vm-1") { id }
      missing: device(id: "not-a-uuid") { id } unknownFp: deviceByFingerprint(fingerprint: "nope") { id }
      datacenter(id: $dc) { name devices { totalCount edges { node { fingerprint } } } }
      datacenters(first: 1) { totalCount pageInfo { hasNextPage } edges { node { name } } }
    }`;
    expect(await t.api.ok(q, { id: hostId, dc: datacenterId })).toEqual({
      device: { fingerprint: 'fp-host-1' }, byFp: { id: vmId }, missing: null, unknownFp: null,
      datacenter: { name: 'Frankfurt 1', devices: { totalCount: 1, edges: [{ node: { fingerprint: 'fp-host-1' } }] } },
      datacenters: { totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { name: 'Amsterdam' } }] },
    });
  });

  test('devices(filter) uses the filter language on the device fields', async () => {
    const fingerprints = async (filter: string) =>
      (await t.api.ok(`query($f: String) { devices(filter: $f) { edges { node { fingerprint } } } }`, { f: filter })).devices.edges.map((e: { node: { fingerprint: string } }) => e.node.fingerprint);
    expect(await fingerprints('isVirtual -eq true')).toEqual(['fp-vm-1']);
    expect(await fingerprints('bootLevel -eq "premium" -and platform -eq "CSR1000V"')).toEqual(['fp-vm-1']);
    expect(await fingerprints(`datacenterId -eq "${datacenterId}"`)).toEqual(['fp-host-1']);
    expect(await fingerprints('serialNumber -startswith "jae" -or productId -eq "nothing"')).toEqual(['fp-host-1']);
    expect(await fingerprints('hostname -contains "csr" -and fingerprint -ne "x"')).toEqual(['fp-vm-1']);
    expect(await fingerprints('createdDate -gt "2000-01-01T00:00:00Z"')).toEqual(['fp-host-1', 'fp-vm-1']);
    const error = await t.api.fails('BAD_USER_INPUT', `{ devices(filter: "colour -eq 1") { totalCount } }`);
    expect(error.extensions?.argumentPath).toEqual(['filter']);
  });

  test('_entities resolves Device by id and by fingerprint, and Datacenter by id', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Device { id fingerprint hostname } ... on Datacenter { id name } } }`;
    const { _entities } = await t.api.ok(q, { r: [
      { __typename: 'Device', id: hostId }, { __typename: 'Device', fingerprint: 'fp-vm-1' },
      { __typename: 'Datacenter', id: datacenterId }, { __typename: 'Device', fingerprint: 'unknown' },
    ] });
    expect(_entities).toEqual([
      { id: hostId, fingerprint: 'fp-host-1', hostname: 'edge-1' }, { id: vmId, fingerprint: 'fp-vm-1', hostname: 'csr-1' },
      { id: datacenterId, name: 'Frankfurt 1' }, null,
    ]);
  });

  test('deleteDevice deletes the device, detaches its virtual devices and records the events', async () => {
    const { deleteDevice } = await t.api.ok(`mutation($id: ID!) { deleteDevice(id: $id) { id fingerprint } }`, { id: hostId });
    expect(deleteDevice).toEqual({ id: hostId, fingerprint: 'fp-host-1' });
    const { device, gone } = await t.api.ok(`query($vm: ID!, $host: ID!) { device(id: $vm) { hostDeviceId } gone: device(id: $host) { id } }`, { vm: vmId, host: hostId });
    expect(device).toEqual({ hostDeviceId: null });
    expect(gone).toBeNull();
    expect((await outboxTypes(t.subgraph.orm)).slice(-2)).toEqual(['device.updated', 'device.deleted']);
    await t.api.fails('NOT_FOUND', `mutation($id: ID!) { deleteDevice(id: $id) { id } }`, { id: hostId });
  });
});
