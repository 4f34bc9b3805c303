/**
 * The life of a license (seeds 001 and 003) through the real gateway over HTTP, on every database kind: creation
 * with generated or given keys and limits inherited from the policy or overridden, reads by ID and key, update,
 * replace, delete, the status actions (suspend, reinstate, revoke, renew, check in) and the at-a-glance status.
 */
import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS } from '../testkit/databases';
import { startTestStack, type TestStack } from '../testkit/stack';
import { DAY, KEY_PATTERN, eventTypes, expectInstant, fromNow, licenseOf, newLicense, newPolicy, newUser, setLicenseColumns } from './licenses-fixtures';

const LIMITS = `maxMachines maxUses maxCores maxUsers maxProcesses protected floating strict requireHeartbeat requireCheckIn duration`;
const CREATE = `mutation($input: LicenseInput!) { createLicense(input: $input) { id key name expiry perpetual ${LIMITS} } }`;
const BY_ID = `query($id: ID!) { license(id: $id) { id key name status suspended revoked expiry } }`;
const BY_KEY = `query($key: String!) { licenseByKey(key: $key) { id key } }`;
const RECORD = `id key name notes quantity initialQuantity vendor sku invoiceReference purchaseCurrency isUpgrade`;
const UPDATE = `mutation($id: ID!, $input: LicenseInput!) { updateLicense(id: $id, input: $input) { ${RECORD} } }`;
const REPLACE = `mutation($id: ID!, $input: LicenseInput!) { replaceLicense(id: $id, input: $input) { ${RECORD} } }`;
const DELETE = `mutation($id: ID!) { deleteLicense(id: $id) { id key } }`;
const action = (name: string, fields = 'id suspended revoked status') => `mutation($id: ID!) { ${name}(id: $id) { ${fields} } }`;
const STATUS = `query($id: ID!) { license(id: $id) { status } }`;

const POLICY_LIMITS = {
  maxMachines: 3, maxUses: 10, maxCores: 8, maxUsers: 4, maxProcesses: 5, protected: true, floating: true, strict: true,
  requireHeartbeat: true, requireCheckIn: true, checkInInterval: 3600, duration: 30 * DAY,
};

describe.each(DATABASE_KINDS)('license lifecycle through the gateway (%s)', (kind) => {
  let t: TestStack;
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  const create = (input: Record<string, unknown>) => t.gateway.ok(CREATE, { input }).then((d) => d.createLicense);
  const statusOf = async (id: string) => (await t.gateway.ok(STATUS, { id })).license.status;
  const read = async (id: string, fields: string) => (await t.gateway.ok(`query($id: ID!) { license(id: $id) { ${fields} } }`, { id })).license;

  describe('createLicense', () => {
    it('generates a key in the reference format, keeps a given key and refuses a duplicate with CONFLICT', async () => {
      const { policyId } = await newPolicy(t);
      const generated = await create({ policyId, name: 'L1' });
      expect(generated.key).toMatch(KEY_PATTERN);
      expect(generated.name).toBe('L1');
      const given = await create({ policyId, key: 'MIGRATED-key-0001' });
      expect(given.key).toBe('MIGRATED-key-0001');
      const error = await t.gateway.fails('CONFLICT', CREATE, { input: { policyId, key: 'MIGRATED-key-0001' } });
      expect(error.extensions?.argumentPath).toEqual(['input', 'key']);
      expect((await t.gateway.ok(`query { licenses(filter: "key -eq \\"MIGRATED-key-0001\\"") { totalCount } }`)).licenses.totalCount).toBe(1);
    });

    it('refuses a missing, unknown or malformed policyId (and any malformed ID) with BAD_USER_INPUT on its path', async () => {
      for (const policyId of [undefined, randomUUID(), 'abc']) {
        const error = await t.gateway.fails('BAD_USER_INPUT', CREATE, { input: { policyId, name: 'orphan' } });
        expect(error.extensions?.argumentPath).toEqual(['input', 'policyId']);
      }
      const { policyId } = await newPolicy(t);
      for (const field of ['userId', 'organizationId', 'applicationId']) {
        const error = await t.gateway.fails('BAD_USER_INPUT', CREATE, { input: { policyId, name: 'orphan', [field]: 'abc' } });
        expect(error.extensions?.argumentPath).toEqual(['input', field]);
      }
      expect((await t.gateway.ok(`query { licenses(filter: "name -eq \\"orphan\\"") { totalCount } }`)).licenses.totalCount).toBe(0);
    });

    it('inherits every limit from the policy, with expiry = now + duration', async () => {
      const { policyId } = await newPolicy(t, POLICY_LIMITS);
      const license = await create({ policyId });
      const { checkInInterval: _, ...limits } = POLICY_LIMITS;
      expect(license).toMatchObject({ ...limits, perpetual: false });
      expectInstant(license.expiry, Date.now() + 30 * DAY * 1000);
    });

    it('takes every per-license override over the policy, the duration deciding the expiry', async () => {
      const { policyId } = await newPolicy(t, POLICY_LIMITS);
      const overrides = {
        maxMachines: 7, maxUses: 11, maxCores: 12, maxUsers: 13, maxProcesses: 14, protected: false, floating: false,
        strict: false, requireHeartbeat: false, requireCheckIn: false, duration: DAY,
      };
      const license = await create({ policyId, ...overrides });
      expect(license).toMatchObject(overrides);
      expectInstant(license.expiry, Date.now() + DAY * 1000);
      const { license: read } = await t.gateway.ok(`query($id: ID!) { license(id: $id) { ${LIMITS} } }`, { id: license.id });
      expect(read).toEqual(overrides);
    });

    it('makes a perpetual license (no expiry) when the policy has no duration', async () => {
      const { policyId } = await newPolicy(t);
      expect(await create({ policyId })).toMatchObject({ expiry: null, perpetual: true, duration: null, maxMachines: 1 });
    });
  });

  describe('reads', () => {
    it('finds a license by ID and by key; unknown, random and malformed IDs answer null', async () => {
      const { id, key } = await newLicense(t, {}, { name: 'Reader' });
      expect((await t.gateway.ok(BY_ID, { id })).license).toMatchObject({ id, key, name: 'Reader', status: 'ACTIVE' });
      expect((await t.gateway.ok(BY_KEY, { key })).licenseByKey).toEqual({ id, key });
      expect((await t.gateway.ok(BY_KEY, { key: 'NOPE' })).licenseByKey).toBeNull();
      for (const other of [randomUUID(), 'abc', '']) expect((await t.gateway.ok(BY_ID, { id: other })).license).toBeNull();
    });

    it('answers NOT_FOUND (never INTERNAL_SERVER_ERROR) to mutations on a malformed or unknown ID', async () => {
      for (const id of ['abc', randomUUID()]) {
        for (const name of ['suspendLicense', 'reinstateLicense', 'revokeLicense', 'renewLicense', 'checkInLicense', 'deleteLicense']) {
          await t.gateway.fails('NOT_FOUND', action(name, 'id'), { id });
        }
        await t.gateway.fails('NOT_FOUND', UPDATE, { id, input: { name: 'x' } });
        await t.gateway.fails('NOT_FOUND', REPLACE, { id, input: { name: 'x' } });
      }
    });
  });

  describe('update, replace and delete', () => {
    const RECORD_INPUT = { name: 'Office', notes: 'n', quantity: 5, vendor: 'Microsoft', sku: 'SKU-1', invoiceReference: 'INV-1', purchaseCurrency: 'USD', isUpgrade: true };

    it('moves a license to a policy named in any letter case: the policy as stored and its product', async () => {
      const { id } = await newLicense(t);
      const next = await newPolicy(t);
      const move = (name: string) => `mutation($id: ID!, $input: LicenseInput!) { m: ${name}(id: $id, input: $input) { policyId productId policy { id } product { id } } }`;
      for (const name of ['updateLicense', 'replaceLicense']) {
        const moved = (await t.gateway.ok(move(name), { id, input: { policyId: next.policyId.toUpperCase() } })).m;
        expect(moved).toEqual({ policyId: next.policyId, productId: next.productId, policy: { id: next.policyId }, product: { id: next.productId } });
      }
    });

    it('updateLicense changes only the fields given and keeps the key immutable', async () => {
      const { id, key } = await newLicense(t, {}, RECORD_INPUT);
      const updated = (await t.gateway.ok(UPDATE, { id, input: { notes: 'renewed', quantity: 7, key } })).updateLicense;
      expect(updated).toEqual({ ...RECORD_INPUT, id, key, notes: 'renewed', quantity: 7, initialQuantity: 5 });
      const error = await t.gateway.fails('BAD_USER_INPUT', UPDATE, { id, input: { key: 'OTHER-KEY', notes: 'lost' } });
      expect(error.extensions?.argumentPath).toEqual(['input', 'key']);
      expect((await t.gateway.ok(`query($id: ID!) { license(id: $id) { key notes } }`, { id })).license).toEqual({ key, notes: 'renewed' });
      expect(await eventTypes(t, id)).toEqual(['license.created', 'license.updated']);
    });

    it('refuses null for a field that cannot be null (BAD_USER_INPUT on it) and changes nothing; null overrides inherit', async () => {
      const { id, key } = await newLicense(t, { maxUses: 9 }, { ...RECORD_INPUT, maxUses: 3, tags: ['a'] });
      for (const field of ['isUpgrade', 'tags', 'recordStatus', 'policyId']) {
        for (const query of [UPDATE, REPLACE]) {
          const error = await t.gateway.fails('BAD_USER_INPUT', query, { id, input: { notes: 'lost', [field]: null } });
          expect(error.extensions?.argumentPath).toEqual(['input', field]);
        }
      }
      expect((await t.gateway.ok(UPDATE, { id, input: { name: null, maxUses: null } })).updateLicense).toMatchObject({ key, name: null, notes: 'n', isUpgrade: true });
      expect(await read(id, 'maxUses tags recordStatus')).toEqual({ maxUses: 9, tags: ['a'], recordStatus: 'ACTIVE' });
    });

    it('replaceLicense clears the record fields the new body leaves out', async () => {
      const { id, key } = await newLicense(t, {}, RECORD_INPUT);
      const replaced = (await t.gateway.ok(REPLACE, { id, input: { vendor: 'Adobe', quantity: 2 } })).replaceLicense;
      expect(replaced).toEqual({
        id, key, name: 'Office', notes: null, quantity: 2, initialQuantity: 5, vendor: 'Adobe', sku: null,
        invoiceReference: null, purchaseCurrency: null, isUpgrade: false,
      });
      expect((await t.gateway.ok(`query($id: ID!) { license(id: $id) { vendor sku quantity } }`, { id })).license)
        .toEqual({ vendor: 'Adobe', sku: null, quantity: 2 });
    });

    it('deleteLicense removes the license with its machines: license(id) is then null and a second delete is NOT_FOUND', async () => {
      const { id, key } = await newLicense(t, {}, { metadata: [{ key: 'a', value: 'b' }], meterAttributes: [{ name: 'm', allowedUses: 1 }] });
      const ACTIVATE = `mutation($input: ActivateMachineInput!) { activateMachine(input: $input) { id } }`;
      const machineId = (await t.gateway.ok(ACTIVATE, { input: { licenseId: id, fingerprint: 'fp-del' } })).activateMachine.id;
      expect((await t.gateway.ok(DELETE, { id })).deleteLicense).toEqual({ id, key });
      expect((await t.gateway.ok(BY_ID, { id })).license).toBeNull();
      expect((await t.gateway.ok(`query($id: ID!) { machine(id: $id) { id } }`, { id: machineId })).machine).toBeNull();
      expect((await t.gateway.ok(BY_KEY, { key })).licenseByKey).toBeNull();
      await t.gateway.fails('NOT_FOUND', DELETE, { id });
      expect((await eventTypes(t, id)).at(-1)).toBe('license.deleted');
    });
  });

  describe('status actions', () => {
    it('suspends, reinstates and revokes; doing it twice is a CONFLICT', async () => {
      const { id } = await newLicense(t);
      expect((await t.gateway.ok(action('suspendLicense'), { id })).suspendLicense).toEqual({ id, suspended: true, revoked: false, status: 'SUSPENDED' });
      expect((await t.gateway.fails('CONFLICT', action('suspendLicense'), { id })).extensions?.reason).toBe('ALREADY_SUSPENDED');
      expect((await t.gateway.ok(action('reinstateLicense'), { id })).reinstateLicense).toEqual({ id, suspended: false, revoked: false, status: 'ACTIVE' });
      expect((await t.gateway.fails('CONFLICT', action('reinstateLicense'), { id })).extensions?.reason).toBe('NOT_SUSPENDED');
      expect((await t.gateway.ok(action('revokeLicense'), { id })).revokeLicense).toMatchObject({ id, suspended: false, revoked: true });
      expect((await t.gateway.fails('CONFLICT', action('revokeLicense'), { id })).extensions?.reason).toBe('ALREADY_REVOKED');
      expect(await eventTypes(t, id)).toEqual([
        'license.created', 'license.suspended', 'license.updated', 'license.reinstated', 'license.updated', 'license.revoked', 'license.updated',
      ]);
    });

    it('renews from the expiry when not yet expired', async () => {
      const expiry = new Date(Math.floor(Date.now() / 1000) * 1000 + 10 * DAY * 1000);
      const { id } = await newLicense(t, { duration: 30 * DAY }, { expiry: expiry.toISOString() });
      const renewed = (await t.gateway.ok(action('renewLicense', 'expiry status'), { id })).renewLicense;
      expect(renewed).toEqual({ expiry: new Date(expiry.getTime() + 30 * DAY * 1000).toISOString(), status: 'ACTIVE' });
      expect((await t.gateway.ok(BY_ID, { id })).license.expiry).toBe(renewed.expiry);
    });

    it('renews from now when already expired, and refuses a perpetual license with CONFLICT', async () => {
      const { id } = await newLicense(t, { duration: 30 * DAY }, { expiry: fromNow(-5 * DAY) });
      expect(await statusOf(id)).toBe('EXPIRED');
      const renewed = (await t.gateway.ok(action('renewLicense', 'expiry status'), { id })).renewLicense;
      expectInstant(renewed.expiry, Date.now() + 30 * DAY * 1000);
      expect(renewed.status).toBe('ACTIVE');
      const perpetual = await newLicense(t);
      expect((await t.gateway.fails('CONFLICT', action('renewLicense', 'expiry'), { id: perpetual.id })).extensions?.reason).toBe('NO_DURATION');
      expect((await t.gateway.ok(BY_ID, { id: perpetual.id })).license.expiry).toBeNull();
    });

    it('serializes concurrent actions: 5 renewals add 5 durations, 6 suspensions make 1 success and 5 CONFLICTs', async () => {
      const expiry = new Date(Math.floor(Date.now() / 1000) * 1000 + 10 * DAY * 1000);
      const { id } = await newLicense(t, { duration: DAY }, { expiry: expiry.toISOString() });
      const renewals = await Promise.all(Array.from({ length: 5 }, () => t.gateway.raw(action('renewLicense', 'expiry'), { id })));
      expect(renewals.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect((await t.gateway.ok(BY_ID, { id })).license.expiry).toBe(new Date(expiry.getTime() + 5 * DAY * 1000).toISOString());
      const suspensions = await Promise.all(Array.from({ length: 6 }, () => t.gateway.raw(action('suspendLicense', 'id'), { id })));
      expect(suspensions.filter((r) => !r.errors).length).toBe(1);
      expect(suspensions.filter((r) => r.errors?.[0]?.extensions?.reason === 'ALREADY_SUSPENDED').length).toBe(5);
      expect((await eventTypes(t, id)).filter((type) => type === 'license.renewed' || type === 'license.suspended')).toEqual([
        ...Array(5).fill('license.renewed'), 'license.suspended',
      ]);
    });

    it('checks in: lastCheckIn = now and nextCheckIn = now + the interval; CONFLICT when check-ins are not required', async () => {
      const { id } = await newLicense(t, { requireCheckIn: true, checkInInterval: 7200 });
      const { checkInLicense } = await t.gateway.ok(action('checkInLicense', 'lastCheckIn nextCheckIn'), { id });
      expectInstant(checkInLicense.lastCheckIn, Date.now());
      expect(Date.parse(checkInLicense.nextCheckIn) - Date.parse(checkInLicense.lastCheckIn)).toBe(7200 * 1000);
      const plain = await newLicense(t);
      const error = await t.gateway.fails('CONFLICT', action('checkInLicense', 'lastCheckIn'), { id: plain.id });
      expect(error.extensions?.reason).toBe('CHECK_IN_NOT_REQUIRED');
    });
  });

  describe('status', () => {
    it('is ACTIVE, EXPIRING (within 3 days), EXPIRED, SUSPENDED or INACTIVE (no activity in 90 days)', async () => {
      const { policyId } = await newPolicy(t, { duration: 30 * DAY });
      expect(await statusOf((await licenseOf(t, policyId)).id)).toBe('ACTIVE');
      expect(await statusOf((await licenseOf(t, policyId, { expiry: fromNow(2 * DAY) })).id)).toBe('EXPIRING');
      expect(await statusOf((await licenseOf(t, policyId, { expiry: fromNow(4 * DAY) })).id)).toBe('ACTIVE');
      expect(await statusOf((await licenseOf(t, policyId, { expiry: fromNow(-60) })).id)).toBe('EXPIRED');
      const suspended = await licenseOf(t, policyId, { expiry: fromNow(-60) });
      await t.gateway.ok(action('suspendLicense', 'id'), { id: suspended.id });
      expect(await statusOf(suspended.id)).toBe('SUSPENDED');
      const old = await licenseOf(t, policyId);
      await setLicenseColumns(t, old.id, { createdAt: new Date(Date.now() - 91 * DAY * 1000) });
      expect(await statusOf(old.id)).toBe('INACTIVE');
    });

    it('is BANNED when the owner is banned, and back once the ban is lifted', async () => {
      const { userId } = await newUser(t, 'owner@example.com');
      const { id } = await newLicense(t, {}, { userId });
      await t.gateway.ok(action('suspendLicense', 'id'), { id });
      const BAN = `mutation($id: ID!, $banned: Boolean!) { updateUser(id: $id, input: { banned: $banned }) { id banned } }`;
      expect((await t.gateway.ok(BAN, { id: userId, banned: true })).updateUser).toEqual({ id: userId, banned: true });
      expect(await statusOf(id)).toBe('BANNED');
      await t.gateway.ok(BAN, { id: userId, banned: false });
      expect(await statusOf(id)).toBe('SUSPENDED');
      await t.gateway.fails('NOT_FOUND', BAN, { id: randomUUID(), banned: true });
      await t.gateway.fails('NOT_FOUND', BAN, { id: 'abc', banned: true });
    });
  });
});
