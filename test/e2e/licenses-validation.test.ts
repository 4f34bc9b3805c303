/**
 * License validation (API.md "validation", seed 001 "a suspended license will always fail validation") through the
 * real gateway over HTTP, on every database kind: each code with its exact `valid` and `detail`, the order of the
 * checks, validation by ID and by key, and `lastValidated` with the `license.validated` event afterwards.
 */
import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS } from '../testkit/databases';
import { startTestStack, type TestStack } from '../testkit/stack';
import { DAY, eventTypes, fromNow, newLicense, newProduct, newUser, setLicenseColumns, type Input } from './licenses-fixtures';

const RESULT = `valid code detail license { id }`;
const BY_ID = `mutation($id: ID!, $scope: ValidationScopeInput) { validateLicense(id: $id, scope: $scope) { ${RESULT} } }`;
const BY_KEY = `mutation($key: String!, $scope: ValidationScopeInput) { validateLicenseKey(key: $key, scope: $scope) { ${RESULT} } }`;
const ACTIVATE = `mutation($input: ActivateMachineInput!) { activateMachine(input: $input) { id } }`;

describe.each(DATABASE_KINDS)('license validation through the gateway (%s)', (kind) => {
  let t: TestStack;
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  const validate = async (id: string, scope?: Input) => (await t.gateway.ok(BY_ID, { id, scope })).validateLicense;
  const outcome = async (id: string, scope?: Input) => {
    const { valid, code, detail } = await validate(id, scope);
    return { valid, code, detail };
  };
  const activate = (licenseId: string, fingerprint: string) => t.gateway.ok(ACTIVATE, { input: { licenseId, fingerprint } });
  const mutate = (name: string, id: string) => t.gateway.ok(`mutation($id: ID!) { ${name}(id: $id) { id } }`, { id });

  describe('found or not', () => {
    it('is VALID by ID and by key, returning the license, and sets lastValidated with a license.validated event', async () => {
      const { id, key } = await newLicense(t);
      const LAST = `query($id: ID!) { license(id: $id) { lastValidated status } }`;
      expect((await t.gateway.ok(LAST, { id })).license.lastValidated).toBeNull();
      expect(await validate(id)).toEqual({ valid: true, code: 'VALID', detail: 'is valid', license: { id } });
      const after = Date.parse((await t.gateway.ok(LAST, { id })).license.lastValidated);
      expect(Math.abs(after - Date.now())).toBeLessThan(15_000);
      expect((await t.gateway.ok(BY_KEY, { key })).validateLicenseKey).toEqual({ valid: true, code: 'VALID', detail: 'is valid', license: { id } });
      expect(await eventTypes(t, id)).toEqual(['license.created', 'license.validated', 'license.updated', 'license.validated', 'license.updated']);
    });

    it('is NOT_FOUND with no license for an unknown key, an unknown ID or a malformed ID', async () => {
      const notFound = { valid: false, code: 'NOT_FOUND', detail: 'does not exist', license: null };
      expect((await t.gateway.ok(BY_KEY, { key: 'NO-SUCH-KEY' })).validateLicenseKey).toEqual(notFound);
      expect(await validate(randomUUID())).toEqual(notFound);
      expect(await validate('abc')).toEqual(notFound);
    });
  });

  describe('state', () => {
    it('is SUSPENDED even with every scope matching, and sets lastValidated on the failure too', async () => {
      const license = await newLicense(t);
      await mutate('suspendLicense', license.id);
      const scope = { product: license.productId, policy: license.policyId };
      expect(await outcome(license.id, scope)).toEqual({ valid: false, code: 'SUSPENDED', detail: 'is suspended' });
      const { validateLicenseKey } = await t.gateway.ok(BY_KEY, { key: license.key, scope });
      expect(validateLicenseKey).toMatchObject({ valid: false, code: 'SUSPENDED', license: { id: license.id } });
      expect((await t.gateway.ok(`query($id: ID!) { license(id: $id) { lastValidated } }`, { id: license.id })).license.lastValidated).not.toBeNull();
    });

    it('is BANNED (before SUSPENDED) when the owner is banned', async () => {
      const { userId } = await newUser(t, 'banned@example.com');
      const { id } = await newLicense(t, {}, { userId });
      await mutate('suspendLicense', id);
      await t.gateway.ok(`mutation($id: ID!) { updateUser(id: $id, input: { banned: true }) { id } }`, { id: userId });
      expect(await outcome(id)).toEqual({ valid: false, code: 'BANNED', detail: 'is banned' });
    });

    it('is REVOKED for a revoked license and NOT_YET_EFFECTIVE before the effective date', async () => {
      const revoked = await newLicense(t);
      await mutate('revokeLicense', revoked.id);
      expect(await outcome(revoked.id)).toEqual({ valid: false, code: 'REVOKED', detail: 'is revoked' });
      const future = await newLicense(t, {}, { effectiveDate: fromNow(DAY) });
      expect(await outcome(future.id)).toEqual({ valid: false, code: 'NOT_YET_EFFECTIVE', detail: 'is not yet effective' });
    });

    it('is EXPIRED: invalid under RESTRICT_ACCESS, still valid under MAINTAIN_ACCESS', async () => {
      const restrict = await newLicense(t, { duration: DAY }, { expiry: fromNow(-60) });
      expect(await outcome(restrict.id)).toEqual({ valid: false, code: 'EXPIRED', detail: 'is expired' });
      const maintain = await newLicense(t, { duration: DAY, expirationAccess: 'MAINTAIN_ACCESS' }, { expiry: fromNow(-60) });
      expect(await outcome(maintain.id)).toEqual({ valid: true, code: 'EXPIRED', detail: 'is expired' });
    });

    it('checks expiry last under RESTRICT_ACCESS, but first under REVOKE_ACCESS', async () => {
      const otherProduct = await newProduct(t, 'Other');
      const restrict = await newLicense(t, { duration: DAY }, { expiry: fromNow(-60) });
      expect((await outcome(restrict.id, { product: otherProduct })).code).toBe('PRODUCT_SCOPE_MISMATCH');
      const revoke = await newLicense(t, { duration: DAY, expirationAccess: 'REVOKE_ACCESS' }, { expiry: fromNow(-60) });
      expect(await outcome(revoke.id, { product: otherProduct })).toEqual({ valid: false, code: 'EXPIRED', detail: 'is expired' });
    });

    it('is OVERDUE once the check-in is missed, and VALID again after checkInLicense', async () => {
      const { id } = await newLicense(t, { requireCheckIn: true, checkInInterval: 3600 });
      expect((await outcome(id)).code).toBe('VALID');
      await setLicenseColumns(t, id, { nextCheckIn: new Date(Date.now() - 60_000) });
      expect(await outcome(id)).toEqual({ valid: false, code: 'OVERDUE', detail: 'is overdue for check in' });
      await mutate('checkInLicense', id);
      expect((await outcome(id)).code).toBe('VALID');
    });
  });

  describe('scopes', () => {
    it('is PRODUCT_SCOPE_MISMATCH for another product and VALID for its own', async () => {
      const license = await newLicense(t);
      const other = await newProduct(t, 'Other');
      expect(await outcome(license.id, { product: other })).toEqual({ valid: false, code: 'PRODUCT_SCOPE_MISMATCH', detail: 'product scope does not match' });
      expect((await outcome(license.id, { product: license.productId })).code).toBe('VALID');
    });

    it('is POLICY_SCOPE_REQUIRED without the policy scope its policy requires, POLICY_SCOPE_MISMATCH for another', async () => {
      const license = await newLicense(t, { requirePolicyScope: true });
      expect(await outcome(license.id)).toEqual({ valid: false, code: 'POLICY_SCOPE_REQUIRED', detail: 'policy scope is required' });
      expect((await outcome(license.id, { policy: randomUUID() })).code).toBe('POLICY_SCOPE_MISMATCH');
      expect((await outcome(license.id, { policy: license.policyId })).code).toBe('VALID');
    });

    it('is NO_MACHINE for a node-locked license with none activated, NO_MACHINES for a floating one', async () => {
      const nodeLocked = await newLicense(t);
      expect(await outcome(nodeLocked.id, { fingerprint: 'fp-1' }))
        .toEqual({ valid: false, code: 'NO_MACHINE', detail: 'fingerprint is not activated (has no associated machine)' });
      const floating = await newLicense(t, { floating: true, maxMachines: 3 });
      expect((await outcome(floating.id, { fingerprint: 'fp-1' })).code).toBe('NO_MACHINES');
    });

    it('is FINGERPRINT_SCOPE_MISMATCH for a fingerprint that is not activated, VALID for one that is', async () => {
      const { id, key } = await newLicense(t, { floating: true, maxMachines: 3 });
      await activate(id, 'fp-1');
      expect(await outcome(id, { fingerprint: 'fp-2' })).toEqual({
        valid: false, code: 'FINGERPRINT_SCOPE_MISMATCH', detail: 'fingerprint is not activated (does not match any associated machines)',
      });
      expect((await outcome(id, { fingerprint: 'fp-1' })).code).toBe('VALID');
      expect((await t.gateway.ok(BY_KEY, { key, scope: { fingerprint: 'fp-2' } })).validateLicenseKey.code).toBe('FINGERPRINT_SCOPE_MISMATCH');
    });

    it('is HEARTBEAT_NOT_STARTED for an activated machine of a heartbeat policy until its first ping', async () => {
      const { id } = await newLicense(t, { requireHeartbeat: true });
      const machineId = (await activate(id, 'fp-hb')).activateMachine.id;
      expect(await outcome(id, { fingerprint: 'fp-hb' })).toEqual({ valid: false, code: 'HEARTBEAT_NOT_STARTED', detail: 'machine heartbeat is required' });
      expect((await outcome(id, { machine: machineId })).code).toBe('HEARTBEAT_NOT_STARTED');
      await t.gateway.ok(`mutation($id: ID!) { pingMachineHeartbeat(id: $id) { id } }`, { id: machineId });
      expect((await outcome(id, { fingerprint: 'fp-hb' })).code).toBe('VALID');
    });
  });

  describe('limits', () => {
    it('is TOO_MANY_MACHINES for a strict license with more machines than maxMachines; a loose one stays VALID', async () => {
      const strict = await newLicense(t, { floating: true, maxMachines: 2, strict: true });
      const loose = await newLicense(t, { floating: true, maxMachines: 2 });
      for (const { id } of [strict, loose]) {
        await activate(id, 'fp-a');
        await activate(id, 'fp-b');
        expect((await outcome(id)).code).toBe('VALID');
        await t.gateway.ok(`mutation($id: ID!) { updateLicense(id: $id, input: { maxMachines: 1 }) { maxMachines } }`, { id });
      }
      expect(await outcome(strict.id)).toEqual({ valid: false, code: 'TOO_MANY_MACHINES', detail: 'has too many associated machines' });
      expect(await outcome(loose.id)).toEqual({ valid: true, code: 'VALID', detail: 'is valid' });
    });
  });
});
