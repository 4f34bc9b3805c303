import { DATABASE_KINDS } from '../../test/testkit/databases';
import { outboxTypes } from '../../test/testkit/outbox';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { LINE_FIELDS, REGISTER } from './testing';

const LICENSE_ID = '00000000-0000-4000-8105-000000000001';
const MISSING = '00000000-0000-4000-8000-0000000000ff';
const ADD_LINE = `mutation($d: ID!, $input: DeviceLicenseLineInput!) { addDeviceLicenseLine(deviceId: $d, input: $input) { ${LINE_FIELDS} } }`;

// the two license lines of seed 004's GET /api/v1/license?detail=true example
const PAID = {
  licenseId: LICENSE_ID, feature: 'csr1kv_50m', version: '1.0', licenseType: 'Paid Subscription', startDate: '0000-00-00',
  endDate: '2013-12-17', licenseState: 'Active, Not in Use', lockType: 'Node locked',
  vendorInfo: { productId: 'CSR1000V', serialNumber: '9DHICRRBJEL' }, licenseAddition: 'EXCLUSIVE',
  licenseGenerationVersion: '0x8200000', licenseCount: 0, licensePriority: 'MEDIUM', storeIndex: 0, storageName: 'primary license storage',
};
const EVAL = {
  feature: 'csr1kv_eval', version: '1.0', licenseType: 'evaluation', licenseState: 'Active, In Use',
  evaluationPeriod: 'P0Y0M8W4D', evaluationPeriodLeft: 'P0Y0M8W3D', evaluationPeriodUsed: 'P0Y0M0DT3H6M',
  evaluationExpiryDate: '2013-02-03T16:35:58Z', lockType: 'Node locked', licenseGenerationVersion: '0x8200000',
  licenseCount: 0, licensePriority: 'MEDIUM', storeIndex: 0, storageName: 'primary license storage',
};

describe.each(DATABASE_KINDS)('devices subgraph: device licensing (%s)', (kind) => {
  let t: TestSubgraph;
  let csr: string;
  let physical: string;
  let paidLineId: string;
  beforeAll(async () => {
    t = await startTestSubgraph('devices', kind);
    csr = (await t.api.ok(REGISTER, { input: { fingerprint: 'csr', productId: 'CSR1000V', serialNumber: '9DHICRRBJEL', isVirtual: true } })).registerDevice.id;
    physical = (await t.api.ok(REGISTER, { input: { fingerprint: 'asr', productId: 'ASR1002-X', serialNumber: 'JAE948QX12' } })).registerDevice.id;
  });
  afterAll(async () => { await t?.stop(); });

  test('addDeviceLicenseLine stores every property of the seed\'s license detail, indexed from 1', async () => {
    const paid = (await t.api.ok(ADD_LINE, { d: csr, input: PAID })).addDeviceLicenseLine;
    expect(paid).toEqual({
      ...PAID, id: expect.any(String), deviceId: csr, index: 1, startDate: null, evaluationPeriod: null, evaluationPeriodLeft: null,
      evaluationPeriodUsed: null, evaluationExpiryDate: null, vendorInfo: { productId: 'CSR1000V', serialNumber: '9DHICRRBJEL', udi: 'CSR1000V:9DHICRRBJEL' },
    });
    paidLineId = paid.id;
    const evaluation = (await t.api.ok(ADD_LINE, { d: csr, input: EVAL })).addDeviceLicenseLine;
    expect(evaluation).toEqual({
      ...EVAL, id: expect.any(String), deviceId: csr, licenseId: null, index: 2, startDate: null, endDate: null,
      evaluationExpiryDate: '2013-02-03T16:35:58.000Z', vendorInfo: null, licenseAddition: null,
    });
    expect((await outboxTypes(t.subgraph.orm)).slice(-2)).toEqual(['device.license-line.added', 'device.license-line.added']);
  });

  test('addDeviceLicenseLine refuses bad input and a missing device, changing nothing', async () => {
    const bad = await t.api.fails('BAD_USER_INPUT', ADD_LINE, { d: csr, input: { ...EVAL, evaluationPeriodLeft: '8 weeks' } });
    expect(bad.extensions?.argumentPath).toEqual(['input', 'evaluationPeriodLeft']);
    await t.api.fails('NOT_FOUND', ADD_LINE, { d: MISSING, input: PAID });
    await t.api.fails('NOT_FOUND', ADD_LINE, { d: 'nope', input: PAID });
    const { device } = await t.api.ok(`query($id: ID!) { device(id: $id) { licenseLines { totalCount } } }`, { id: csr });
    expect(device.licenseLines.totalCount).toBe(2);
  });

  test('Device.licenseLines: detail true shows every property, detail false the summary only', async () => {
    const q = `query($id: ID!, $detail: Boolean) { device(id: $id) { licenseLines(detail: $detail) { totalCount edges { node { ${LINE_FIELDS} } } } } }`;
    const detailed = (await t.api.ok(q, { id: csr, detail: true })).device.licenseLines;
    expect(detailed.edges.map((e: { node: { storageName: string } }) => e.node.storageName)).toEqual(['primary license storage', 'primary license storage']);
    const summary = (await t.api.ok(q, { id: csr, detail: false })).device.licenseLines;
    expect(summary.edges[0].node).toEqual({
      id: paidLineId, deviceId: csr, licenseId: LICENSE_ID, index: 1, feature: 'csr1kv_50m', version: '1.0', licenseType: 'Paid Subscription',
      licenseState: 'Active, Not in Use', licenseCount: 0, startDate: null, endDate: null, evaluationPeriod: null, evaluationPeriodLeft: null,
      evaluationPeriodUsed: null, evaluationExpiryDate: null, lockType: null, vendorInfo: null, licenseAddition: null,
      licenseGenerationVersion: null, licensePriority: null, storeIndex: null, storageName: null,
    });
    expect(summary.edges[1].node).toMatchObject({ index: 2, feature: 'csr1kv_eval', evaluationPeriod: null, licenseState: 'Active, In Use' });
  });

  test('requestDeviceUdi gives a virtual device a new serial number for the same product ID', async () => {
    const { requestDeviceUdi } = await t.api.ok(`mutation($d: ID!) { requestDeviceUdi(deviceId: $d) { udi { productId serialNumber udi } } }`, { d: csr });
    expect(requestDeviceUdi.udi.productId).toBe('CSR1000V');
    expect(requestDeviceUdi.udi.serialNumber).toMatch(/^[A-Z0-9]{11}$/);
    expect(requestDeviceUdi.udi.serialNumber).not.toBe('9DHICRRBJEL');
    expect(requestDeviceUdi.udi.udi).toBe(`CSR1000V:${requestDeviceUdi.udi.serialNumber}`);
    expect((await outboxTypes(t.subgraph.orm)).slice(-1)).toEqual(['device.udi.requested']);
    const error = await t.api.fails('CONFLICT', `mutation($d: ID!) { requestDeviceUdi(deviceId: $d) { id } }`, { d: physical });
    expect(error.extensions?.argumentPath).toEqual(['deviceId']);
    await t.api.fails('NOT_FOUND', `mutation($d: ID!) { requestDeviceUdi(deviceId: $d) { id } }`, { d: MISSING });
  });

  test('acceptDeviceEula accepts and declines the EULA; Device.eula shows it', async () => {
    const accept = `mutation($d: ID!, $uri: String!, $a: Boolean!) { acceptDeviceEula(deviceId: $d, eulaUri: $uri, accept: $a) { eulaAccepted eulaAcceptedAt eulaUri } }`;
    const before = Date.now();
    const { acceptDeviceEula } = await t.api.ok(accept, { d: csr, uri: '/api/v1/license/eula', a: true });
    const after = Date.now();
    expect(acceptDeviceEula).toMatchObject({ eulaAccepted: true, eulaUri: '/api/v1/license/eula' });
    // the instant the server took while answering this request
    expect(Date.parse(acceptDeviceEula.eulaAcceptedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(acceptDeviceEula.eulaAcceptedAt)).toBeLessThanOrEqual(after);
    const again = (await t.api.ok(accept, { d: csr, uri: '/api/v1/license/eula', a: true })).acceptDeviceEula;
    expect(again).toEqual(acceptDeviceEula);
    const { device } = await t.api.ok(`query($id: ID!) { device(id: $id) { eula { accepted acceptedAt uri features { featureName eulaAccepted } text } } }`, { id: csr });
    expect(device.eula).toMatchObject({
      accepted: true, acceptedAt: acceptDeviceEula.eulaAcceptedAt, uri: '/api/v1/license/eula',
      features: [{ featureName: 'csr1kv_50m', eulaAccepted: true }, { featureName: 'csr1kv_eval', eulaAccepted: true }],
    });
    expect(device.eula.text).toMatch(/^PLEASE READ THE FOLLOWING TERMS CAREFULLY/);
    const declined = (await t.api.ok(accept, { d: physical, uri: 'https://device/api/v1/license/eula', a: false })).acceptDeviceEula;
    expect(declined).toEqual({ eulaAccepted: false, eulaAcceptedAt: null, eulaUri: 'https://device/api/v1/license/eula' });
    const bad = await t.api.fails('BAD_USER_INPUT', accept, { d: csr, uri: 'license eula', a: true });
    expect(bad.extensions?.argumentPath).toEqual(['eulaUri']);
    await t.api.fails('NOT_FOUND', accept, { d: MISSING, uri: '/api/v1/license/eula', a: true });
    expect((await outboxTypes(t.subgraph.orm)).slice(-2)).toEqual(['device.eula.accepted', 'device.eula.declined']);
  });

  test('setDeviceBootLevel and Device.bootLevel', async () => {
    const { setDeviceBootLevel } = await t.api.ok(`mutation($d: ID!) { setDeviceBootLevel(deviceId: $d, level: ADVANCED) { bootLevel } }`, { d: csr });
    expect(setDeviceBootLevel).toEqual({ bootLevel: 'ADVANCED' });
    await t.api.fails('GRAPHQL_VALIDATION_FAILED', `mutation($d: ID!) { setDeviceBootLevel(deviceId: $d, level: ULTIMATE) { bootLevel } }`, { d: csr });
    await t.api.fails('NOT_FOUND', `mutation($d: ID!) { setDeviceBootLevel(deviceId: $d, level: PREMIUM) { bootLevel } }`, { d: MISSING });
    expect((await outboxTypes(t.subgraph.orm)).slice(-1)).toEqual(['device.boot-level.changed']);
  });

  test('setDeviceThroughput accepts only the seed\'s levels', async () => {
    const set = `mutation($d: ID!, $l: Int!) { setDeviceThroughput(deviceId: $d, level: $l) { throughput { level } } }`;
    for (const level of [10, 25, 50, 100, 250, 500, 1000]) {
      expect((await t.api.ok(set, { d: csr, l: level })).setDeviceThroughput).toEqual({ throughput: { level } });
    }
    for (const level of [0, 75, 2000]) {
      const error = await t.api.fails('BAD_USER_INPUT', set, { d: csr, l: level });
      expect(error.extensions?.argumentPath).toEqual(['level']);
    }
    await t.api.fails('NOT_FOUND', set, { d: MISSING, l: 10 });
    const { device } = await t.api.ok(`query($id: ID!) { device(id: $id) { throughput { level } } }`, { id: csr });
    expect(device.throughput).toEqual({ level: 1000 });
    expect((await outboxTypes(t.subgraph.orm)).filter((type) => type === 'device.throughput.changed')).toHaveLength(7);
  });

  test('concurrent additions to one device get distinct, consecutive indexes', async () => {
    const device = (await t.api.ok(REGISTER, { input: { fingerprint: 'busy' } })).registerDevice.id;
    const added = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      t.api.ok(ADD_LINE, { d: device, input: { feature: `f${i}`, licenseType: 'Permanent', licenseState: 'Active' } })));
    expect(added.map((r) => r.addDeviceLicenseLine.index).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('License.deviceLicenseLines and _entities of DeviceLicenseLine and License', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on License { id deviceLicenseLines { totalCount edges { node { id feature device { fingerprint } license { id } } } } }
      ... on DeviceLicenseLine { id index feature }
    } }`;
    const { _entities } = await t.api.ok(q, { r: [
      { __typename: 'License', id: LICENSE_ID }, { __typename: 'License', id: MISSING }, { __typename: 'License', id: 'not-a-uuid' },
      { __typename: 'DeviceLicenseLine', id: paidLineId },
    ] });
    expect(_entities).toEqual([
      { id: LICENSE_ID, deviceLicenseLines: { totalCount: 1, edges: [{ node: { id: paidLineId, feature: 'csr1kv_50m', device: { fingerprint: 'csr' }, license: { id: LICENSE_ID } } }] } },
      { id: MISSING, deviceLicenseLines: { totalCount: 0, edges: [] } },
      { id: 'not-a-uuid', deviceLicenseLines: { totalCount: 0, edges: [] } },
      { id: paidLineId, index: 1, feature: 'csr1kv_50m' },
    ]);
  });
});
