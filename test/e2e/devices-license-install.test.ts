/**
 * License installation from a location (seed 004 POST /api/v1/license/install) through the real gateway, on every
 * database kind: the EULA comes first; a license file of checkOutLicense given inline (`data:`) is verified with the
 * account's public key (kept by the devices subgraph from license.checked-out events) and becomes a license line;
 * the seed's other locations are recorded for the device's agent; refusals, scopes and tenant isolation.
 */
import { randomUUID } from 'node:crypto';
import { DEV_ACCOUNT_ID } from '../../lib/auth';
import { AccountSigningKey } from '../../subgraphs/devices/entities/AccountSigningKey';
import { DeviceLicenseInstallation } from '../../subgraphs/devices/entities/DeviceLicenseInstallation';
import { DeviceLicenseLine } from '../../subgraphs/devices/entities/DeviceLicenseLine';
import { gatewayAndSubgraph, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { eventually } from '../testkit/eventually';
import { outboxEvents } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';
import { newLicense } from './licenses-fixtures';

const FIELDS = 'id deviceId scheme licenseLocation licenseId status requestedAt installedAt device { id }';
const INSTALL = `mutation($d: ID!, $l: String!) { installDeviceLicense(deviceId: $d, licenseLocation: $l) { ${FIELDS} } }`;
const LINE_FIELDS = 'licenseId index feature version licenseType startDate endDate licenseState lockType vendorInfo { udi } licenseAddition licenseCount storageName';
const DEVICE = `query($d: ID!) { device(id: $d) { licenseLines { totalCount edges { node { ${LINE_FIELDS} } } } licenseInstallations { totalCount edges { node { ${FIELDS} } } } } }`;
const REGISTER = 'mutation($f: String!) { registerDevice(input: { fingerprint: $f, productId: "CSR1000V", serialNumber: "9DHICRRBJEL" }) { id } }';
const EULA = 'mutation($d: ID!, $a: Boolean!) { acceptDeviceEula(deviceId: $d, eulaUri: "/api/v1/license/eula", accept: $a) { id } }';
const CHECK_OUT = 'mutation($id: ID!, $encrypt: Boolean) { checkOutLicense(id: $id, ttl: 3600, encrypt: $encrypt) { certificate } }';
const SEED_LOCATION = 'tftp://user@linuxbox.cisco.com/home/user/csr.lic';

describe.each(DATABASE_KINDS)('device license installation from a location (%s)', (kind) => {
  let t: TestStack;
  const orm = () => t.stack.subgraphs.devices.orm;
  const rows = (where: Partial<DeviceLicenseInstallation> = {}) => orm().em.fork().find(DeviceLicenseInstallation, where, { filters: false });
  const lines = (where: Partial<DeviceLicenseLine> = {}) => orm().em.fork().find(DeviceLicenseLine, where, { filters: false });
  const newDevice = async (eulaAccepted: boolean, gateway = t.gateway): Promise<string> => {
    const { registerDevice } = await gateway.ok(REGISTER, { f: `fp-${randomUUID()}` });
    if (eulaAccepted) await gateway.ok(EULA, { d: registerDevice.id, a: true });
    return registerDevice.id;
  };
  /** Waits until the devices subgraph keeps the account's public key (from its license.checked-out events). */
  const keyKnown = (accountId: string) => eventually(
    () => orm().em.fork().findOne(AccountSigningKey, { accountId }, { filters: false }).then((row) => row ?? false), `the key of account ${accountId}`,
  );
  /** A license file of a new license (30 days), once the devices subgraph knows the account's key. */
  const licenseFile = async (encrypt = false): Promise<{ id: string; certificate: string }> => {
    const { id } = await newLicense(t, { duration: 30 * 86_400 }, { name: 'csr1kv_50m' });
    const { certificate } = (await t.gateway.ok(CHECK_OUT, { id, encrypt })).checkOutLicense;
    await keyKnown(DEV_ACCOUNT_ID);
    return { id, certificate };
  };
  const data = (certificate: string) => `data:,${encodeURIComponent(certificate)}`;

  beforeAll(async () => {
    t = await startTestStack(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses the installation with CONFLICT while the EULA is not accepted, writing nothing', async () => {
    const { certificate } = await licenseFile();
    const deviceId = await newDevice(false);
    const eventsBefore = (await outboxEvents(orm(), { entityId: deviceId })).length;
    for (const location of [SEED_LOCATION, data(certificate)]) {
      const error = await t.gateway.fails('CONFLICT', INSTALL, { d: deviceId, l: location });
      expect(error.message).toBe('The EULA of the device must be accepted (acceptDeviceEula) before a license is installed');
      expect(error.extensions).toMatchObject({ reason: 'EULA_NOT_ACCEPTED', argumentPath: ['deviceId'] });
    }
    expect(await rows({ deviceId })).toEqual([]);
    expect(await lines({ deviceId })).toEqual([]);
    expect((await outboxEvents(orm(), { entityId: deviceId })).length).toBe(eventsBefore);
  });

  it('verifies an inline license file and installs its license as the device\'s next license line, with device.license.installed', async () => {
    const { id: licenseId, certificate } = await licenseFile();
    const deviceId = await newDevice(true);
    const installation = (await t.gateway.ok(INSTALL, { d: deviceId, l: data(certificate) })).installDeviceLicense;
    expect(installation).toEqual({
      id: expect.any(String), deviceId, scheme: 'data', licenseLocation: null, licenseId, status: 'INSTALLED',
      requestedAt: expect.any(String), installedAt: installation.requestedAt, device: { id: deviceId },
    });
    const today = new Date().toISOString().slice(0, 10);
    const { device } = await t.gateway.ok(DEVICE, { d: deviceId });
    expect(device.licenseLines.edges.map((e: { node: unknown }) => e.node)).toEqual([{
      licenseId, index: 1, feature: 'csr1kv_50m', version: null, licenseType: 'Paid Subscription', startDate: today,
      endDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), licenseState: 'Active, Not in Use', lockType: 'Node locked',
      vendorInfo: { udi: 'CSR1000V:9DHICRRBJEL' }, licenseAddition: 'EXCLUSIVE', licenseCount: 1, storageName: 'primary license storage',
    }]);
    expect(device.licenseInstallations).toEqual({ totalCount: 1, edges: [{ node: installation }] });
    const [line] = await lines({ deviceId });
    const [event] = await outboxEvents(orm(), { entityId: deviceId, type: 'device.license.installed' });
    expect(event).toMatchObject({ entityType: 'Device', accountId: DEV_ACCOUNT_ID });
    expect(event.payload).toEqual({
      data: expect.objectContaining({ id: deviceId }), deviceId, licenseLineIds: [line.id],
      licenseInstallation: {
        id: installation.id, scheme: 'data', licenseLocation: null, licenseId, status: 'INSTALLED',
        requestedAt: installation.requestedAt, installedAt: installation.requestedAt,
      },
    });
    // the license shows the line it is bound to
    const { license } = await t.gateway.ok('query($id: ID!) { license(id: $id) { deviceLicenseLines { totalCount } } }', { id: licenseId });
    expect(license.deviceLicenseLines.totalCount).toBe(1);
    // the same license again: CONFLICT, nothing added
    const again = await t.gateway.fails('CONFLICT', INSTALL, { d: deviceId, l: `data:;base64,${Buffer.from(certificate).toString('base64')}` });
    expect(again.extensions).toMatchObject({ reason: 'LICENSE_ALREADY_INSTALLED', argumentPath: ['licenseLocation'] });
    expect((await lines({ deviceId })).length).toBe(1);
    expect((await rows({ deviceId })).length).toBe(1);
  });

  it('refuses a tampered, encrypted or malformed file (CONFLICT with its reason, or BAD_USER_INPUT), writing nothing', async () => {
    const { certificate } = await licenseFile();
    const encrypted = (await licenseFile(true)).certificate;
    const deviceId = await newDevice(true);
    const body = JSON.parse(Buffer.from(certificate.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64').toString()) as { enc: string; sig: string; alg: string };
    const payload = JSON.parse(Buffer.from(body.enc, 'base64').toString());
    payload.data.attributes.maxMachines = 1000;
    const forged = `-----BEGIN LICENSE FILE-----\n${Buffer.from(JSON.stringify({ ...body, enc: Buffer.from(JSON.stringify(payload)).toString('base64') })).toString('base64')}\n-----END LICENSE FILE-----\n`;
    const cases: Array<[string, string, string]> = [
      [forged, 'LICENSE_FILE_SIGNATURE_INVALID', 'The license file is not signed with the account\'s key'],
      [encrypted, 'LICENSE_FILE_ENCRYPTED', 'An encrypted license file cannot be installed: check the license out with encrypt: false'],
    ];
    for (const [file, reason, message] of cases) {
      const error = await t.gateway.fails('CONFLICT', INSTALL, { d: deviceId, l: data(file) });
      expect({ message: error.message, reason: error.extensions?.reason, argumentPath: error.extensions?.argumentPath }).toEqual({ message, reason, argumentPath: ['licenseLocation'] });
    }
    const malformed = await t.gateway.fails('BAD_USER_INPUT', INSTALL, { d: deviceId, l: 'data:,not a license file' });
    expect(malformed.message).toBe('licenseLocation holds no license file of checkOutLicense: The license file armor is missing');
    expect(malformed.extensions).toMatchObject({ argumentPath: ['licenseLocation'] });
    expect(await rows({ deviceId })).toEqual([]);
    expect(await lines({ deviceId })).toEqual([]);
  });

  it('records a location of the seed\'s file systems and protocols as REQUESTED for the device\'s agent, fetching nothing', async () => {
    const deviceId = await newDevice(true);
    const first = (await t.gateway.ok(INSTALL, { d: deviceId, l: SEED_LOCATION })).installDeviceLicense;
    expect(first).toEqual({
      id: expect.any(String), deviceId, scheme: 'tftp', licenseLocation: SEED_LOCATION, licenseId: null, status: 'REQUESTED',
      requestedAt: expect.any(String), installedAt: null, device: { id: deviceId },
    });
    const second = (await t.gateway.ok(INSTALL, { d: deviceId, l: 'BOOTFLASH:csr.lic' })).installDeviceLicense;
    expect(second).toMatchObject({ scheme: 'bootflash', licenseLocation: 'bootflash:csr.lic', status: 'REQUESTED' });
    const { device } = await t.gateway.ok(DEVICE, { d: deviceId });
    expect(device.licenseInstallations).toEqual({ totalCount: 2, edges: [{ node: second }, { node: first }] });
    expect(device.licenseLines.totalCount).toBe(0);
    const events = await outboxEvents(orm(), { entityId: deviceId, type: 'device.license.installed' });
    expect(events.map((e) => e.payload.licenseInstallation)).toEqual([
      { id: first.id, scheme: 'tftp', licenseLocation: SEED_LOCATION, licenseId: null, status: 'REQUESTED', requestedAt: first.requestedAt, installedAt: null },
      { id: second.id, scheme: 'bootflash', licenseLocation: 'bootflash:csr.lic', licenseId: null, status: 'REQUESTED', requestedAt: second.requestedAt, installedAt: null },
    ]);
  });

  it('refuses other locations with BAD_USER_INPUT at licenseLocation and NOT_FOUND for an unknown or malformed device', async () => {
    const deviceId = await newDevice(true);
    for (const location of ['file:///etc/passwd', 'http://169.254.169.254/', 'scp://admin:secret@host/csr.lic', 'flash:']) {
      const error = await t.gateway.fails('BAD_USER_INPUT', INSTALL, { d: deviceId, l: location });
      expect(error.extensions).toMatchObject({ argumentPath: ['licenseLocation'] });
    }
    expect(await rows({ deviceId })).toEqual([]);
    for (const d of [randomUUID(), 'not-a-uuid']) await t.gateway.fails('NOT_FOUND', INSTALL, { d, l: SEED_LOCATION });
  });

  describe('scopes and accounts', () => {
    let deviceId: string;
    let certificate: string;
    let count: number;
    beforeAll(async () => {
      deviceId = await newDevice(true);
      ({ certificate } = await licenseFile());
      count = (await rows()).length;
    });
    const devicesUrl = () => t.stack.subgraphs.devices.url;

    it('a token with only device:read gets FORBIDDEN and changes nothing', async () => {
      const api = gatewayAndSubgraph(t, devicesUrl(), await testToken({ scopes: ['device:read'] }));
      for (const c of [api.gateway, api.subgraph]) {
        const error = await c.fails('FORBIDDEN', INSTALL, { d: deviceId, l: data(certificate) });
        expect(error.message).toBe('Mutation.installDeviceLicense requires the scope device:write');
      }
      expect((await rows()).length).toBe(count);
      expect(await lines({ deviceId })).toEqual([]);
    });

    it('another account gets NOT_FOUND for the device, and its own device refuses the file: first no key known, then a bad signature', async () => {
      const accountId = randomUUID();
      const other = gatewayAndSubgraph(t, devicesUrl(), await testToken({ accountId, subject: 'other-account' }));
      for (const c of [other.gateway, other.subgraph]) await c.fails('NOT_FOUND', INSTALL, { d: deviceId, l: SEED_LOCATION });
      const own = await newDevice(true, other.gateway);
      const unknown = await other.gateway.fails('CONFLICT', INSTALL, { d: own, l: data(certificate) });
      expect(unknown.extensions).toMatchObject({ reason: 'LICENSE_FILE_KEY_UNKNOWN', argumentPath: ['licenseLocation'] });
      // once the other account has checked out a file of its own, its key is known and the first account's file does not verify with it
      const product = (await other.gateway.ok('mutation { createProduct(input: { name: "Other" }) { id } }')).createProduct.id;
      const policy = (await other.gateway.ok('mutation($p: ID!) { createPolicy(input: { productId: $p, name: "Std" }) { id } }', { p: product })).createPolicy.id;
      const license = (await other.gateway.ok('mutation($p: ID!) { createLicense(input: { policyId: $p }) { id } }', { p: policy })).createLicense.id;
      await other.gateway.ok(CHECK_OUT, { id: license });
      await keyKnown(accountId);
      const forged = await other.gateway.fails('CONFLICT', INSTALL, { d: own, l: data(certificate) });
      expect(forged.extensions).toMatchObject({ reason: 'LICENSE_FILE_SIGNATURE_INVALID' });
      expect(await lines({ deviceId: own })).toEqual([]);
      expect((await rows()).length).toBe(count);
    });
  });

  it('deleting the device deletes its installations', async () => {
    const deviceId = await newDevice(true);
    await t.gateway.ok(INSTALL, { d: deviceId, l: SEED_LOCATION });
    await t.gateway.ok('mutation($d: ID!) { deleteDevice(id: $d) { id } }', { d: deviceId });
    expect(await rows({ deviceId })).toEqual([]);
  });
});
