/**
 * Machines of a license (seed 001 maxMachines/maxCores, heartbeats) through the real gateway over HTTP, on every
 * database kind: activation limits with the overage strategies, license states, deactivation, heartbeats,
 * every error code and reason, the events recorded, and concurrent activations.
 */
import { randomUUID } from 'node:crypto';
import { Machine } from '../../subgraphs/licenses/entities/Machine';
import { DATABASE_KINDS } from '../testkit/databases';
import { startTestStack, type TestStack } from '../testkit/stack';
import { eventTypes, newLicense } from './licenses-fixtures';

const MACHINE_FIELDS = `id licenseId fingerprint name hostname platform ip cores lastHeartbeat nextHeartbeat heartbeatStatus`;
const ACTIVATE = `mutation($input: ActivateMachineInput!) { activateMachine(input: $input) { ${MACHINE_FIELDS} } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateMachine(id: $id) { id fingerprint } }`;
const PING = `mutation($id: ID!) { pingMachineHeartbeat(id: $id) { ${MACHINE_FIELDS} } }`;
const LICENSE = `query($id: ID!) {
  license(id: $id) { machinesCount machinesCoreCount totalActivations totalDeactivations activatedAt expiry machines { edges { node { fingerprint } } } }
}`;

describe.each(DATABASE_KINDS)('machines through the gateway (%s)', (kind) => {
  let t: TestStack;
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  const floating = (extra: Record<string, unknown> = {}) => ({ floating: true, ...extra });
  const activate = (licenseId: string, fingerprint: string, extra: Record<string, unknown> = {}) =>
    t.gateway.ok(ACTIVATE, { input: { licenseId, fingerprint, ...extra } }).then((d) => d.activateMachine);
  const reasonOf = async (input: Record<string, unknown>) => (await t.gateway.fails('CONFLICT', ACTIVATE, { input })).extensions?.reason;

  /** No mutation sets a heartbeat in the past: the test moves it there in the database. */
  async function ageHeartbeat(machineId: string, seconds: number): Promise<void> {
    const em = t.stack.subgraphs.licenses.orm.em.fork();
    await em.nativeUpdate(Machine, { id: machineId }, { lastHeartbeat: new Date(Date.now() - seconds * 1000) }, { filters: false });
  }

  describe('activateMachine', () => {
    it('activates by license ID with every field, starts the license and records the events', async () => {
      const license = await newLicense(t, floating({ maxMachines: 5 }));
      const machine = await activate(license.id, 'fp-1', { name: 'Build box', hostname: 'build-1', platform: 'linux', ip: '10.0.0.7', cores: 8 });
      expect(machine).toEqual({
        id: expect.any(String), licenseId: license.id, fingerprint: 'fp-1', name: 'Build box', hostname: 'build-1', platform: 'linux',
        ip: '10.0.0.7', cores: 8, lastHeartbeat: null, nextHeartbeat: null, heartbeatStatus: 'NOT_STARTED',
      });
      const after = (await t.gateway.ok(LICENSE, { id: license.id })).license;
      expect(after).toMatchObject({ machinesCount: 1, machinesCoreCount: 8, totalActivations: 1, totalDeactivations: 0, expiry: null });
      expect(Date.parse(after.activatedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(await eventTypes(t, machine.id)).toEqual(['machine.created']);
      expect((await eventTypes(t, license.id)).slice(-1)).toEqual(['license.updated']);
    });

    it('activates by license key with one core by default, and keeps the first activatedAt', async () => {
      const license = await newLicense(t, floating({ maxMachines: 5 }));
      const first = await t.gateway.ok(ACTIVATE, { input: { licenseKey: license.key, fingerprint: 'a' } });
      expect(first.activateMachine).toMatchObject({ licenseId: license.id, fingerprint: 'a', cores: 1, name: null });
      const { activatedAt } = (await t.gateway.ok(LICENSE, { id: license.id })).license;
      await activate(license.id, 'b');
      expect((await t.gateway.ok(LICENSE, { id: license.id })).license).toMatchObject({ activatedAt, totalActivations: 2, machinesCount: 2 });
    });

    it('starts the validity at the first activation under the DELAYED expiration strategy', async () => {
      const license = await newLicense(t, floating({ duration: 86_400, expirationStrategy: 'DELAYED' }));
      expect((await t.gateway.ok(LICENSE, { id: license.id })).license.expiry).toBeNull();
      await activate(license.id, 'fp');
      const { activatedAt, expiry } = (await t.gateway.ok(LICENSE, { id: license.id })).license;
      expect(Date.parse(expiry) - Date.parse(activatedAt)).toBe(86_400_000);
    });

    it('refuses bad input with BAD_USER_INPUT and the argument path', async () => {
      const license = await newLicense(t, floating());
      const pathOf = async (input: Record<string, unknown>) => (await t.gateway.fails('BAD_USER_INPUT', ACTIVATE, { input })).extensions?.argumentPath;
      expect(await pathOf({ fingerprint: 'x' })).toEqual(['input', 'licenseId']);
      expect(await pathOf({ licenseId: license.id, licenseKey: license.key, fingerprint: 'x' })).toEqual(['input', 'licenseKey']);
      expect(await pathOf({ licenseId: license.id, fingerprint: '   ' })).toEqual(['input', 'fingerprint']);
      expect(await pathOf({ licenseId: license.id, fingerprint: 'x', cores: 0 })).toEqual(['input', 'cores']);
      expect((await t.gateway.ok(LICENSE, { id: license.id })).license.machinesCount).toBe(0);
    });

    it('answers NOT_FOUND for an unknown license ID or key', async () => {
      await t.gateway.fails('NOT_FOUND', ACTIVATE, { input: { licenseId: randomUUID(), fingerprint: 'x' } });
      await t.gateway.fails('NOT_FOUND', ACTIVATE, { input: { licenseKey: 'NO-SUCH-KEY', fingerprint: 'x' } });
    });

    it('activates a fingerprint at most once per license (CONFLICT FINGERPRINT_TAKEN)', async () => {
      const license = await newLicense(t, floating());
      const other = await newLicense(t, floating());
      await activate(license.id, 'same');
      expect(await reasonOf({ licenseId: license.id, fingerprint: 'same' })).toBe('FINGERPRINT_TAKEN');
      await activate(other.id, 'same');
    });

    it('limits a node-locked license to one machine (CONFLICT TOO_MANY_MACHINES)', async () => {
      const license = await newLicense(t);
      await activate(license.id, 'one');
      expect(await reasonOf({ licenseId: license.id, fingerprint: 'two' })).toBe('TOO_MANY_MACHINES');
      expect((await t.gateway.ok(LICENSE, { id: license.id })).license).toMatchObject({ machinesCount: 1, totalActivations: 1 });
    });

    it.each([
      ['NO_OVERAGE', 4, 4],
      ['ALLOW_1_25X_OVERAGE', 4, 5],
      ['ALLOW_1_5X_OVERAGE', 3, 4],
      ['ALLOW_2X_OVERAGE', 2, 4],
      ['ALWAYS_ALLOW_OVERAGE', 1, 6],
    ])('stretches maxMachines under %s (max %i: %i machines)', async (overageStrategy, maxMachines, fits) => {
      const license = await newLicense(t, floating({ maxMachines, overageStrategy }));
      for (let i = 0; i < fits; i++) await activate(license.id, `fp-${i}`);
      if (overageStrategy !== 'ALWAYS_ALLOW_OVERAGE') {
        expect(await reasonOf({ licenseId: license.id, fingerprint: 'one-too-many' })).toBe('TOO_MANY_MACHINES');
      }
      expect((await t.gateway.ok(LICENSE, { id: license.id })).license.machinesCount).toBe(fits);
    });

    it('limits the sum of cores (CONFLICT TOO_MANY_CORES), with the overage allowance', async () => {
      const exact = await newLicense(t, floating({ maxCores: 8 }));
      await activate(exact.id, 'a', { cores: 4 });
      expect(await reasonOf({ licenseId: exact.id, fingerprint: 'b', cores: 5 })).toBe('TOO_MANY_CORES');
      await activate(exact.id, 'b', { cores: 4 });
      const stretched = await newLicense(t, floating({ maxCores: 8, overageStrategy: 'ALLOW_1_5X_OVERAGE' }));
      await activate(stretched.id, 'a', { cores: 12 });
      expect(await reasonOf({ licenseId: stretched.id, fingerprint: 'b' })).toBe('TOO_MANY_CORES');
    });

    it('takes the license override of maxMachines over the policy value', async () => {
      const license = await newLicense(t, floating({ maxMachines: 1 }), { maxMachines: 2 });
      await activate(license.id, 'a');
      await activate(license.id, 'b');
      expect(await reasonOf({ licenseId: license.id, fingerprint: 'c' })).toBe('TOO_MANY_MACHINES');
    });

    it('caps activations with allowedActivations (CONFLICT TOO_MANY_ACTIVATIONS), even after deactivations', async () => {
      const license = await newLicense(t, floating(), { allowedActivations: 2 });
      const first = await activate(license.id, 'a');
      await t.gateway.ok(DEACTIVATE, { id: first.id });
      await activate(license.id, 'a');
      expect(await reasonOf({ licenseId: license.id, fingerprint: 'b' })).toBe('TOO_MANY_ACTIVATIONS');
    });

    it('refuses suspended, revoked, banned, not yet effective and expired licenses', async () => {
      const suspended = await newLicense(t, floating());
      await t.gateway.ok(`mutation($id: ID!) { suspendLicense(id: $id) { id } }`, { id: suspended.id });
      expect(await reasonOf({ licenseId: suspended.id, fingerprint: 'x' })).toBe('LICENSE_SUSPENDED');
      const revoked = await newLicense(t, floating());
      await t.gateway.ok(`mutation($id: ID!) { revokeLicense(id: $id) { id } }`, { id: revoked.id });
      expect(await reasonOf({ licenseId: revoked.id, fingerprint: 'x' })).toBe('LICENSE_REVOKED');
      const { createUser } = await t.gateway.ok(`mutation { createUser(input: { email: "banned-${kind}@example.com" }) { id } }`);
      await t.gateway.ok(`mutation($id: ID!) { updateUser(id: $id, input: { banned: true }) { id } }`, { id: createUser.id });
      const banned = await newLicense(t, floating(), { userId: createUser.id });
      expect(await reasonOf({ licenseId: banned.id, fingerprint: 'x' })).toBe('LICENSE_BANNED');
      const early = await newLicense(t, floating(), { effectiveDate: new Date(Date.now() + 86_400_000).toISOString() });
      expect(await reasonOf({ licenseId: early.id, fingerprint: 'x' })).toBe('LICENSE_NOT_YET_EFFECTIVE');
      const yesterday = new Date(Date.now() - 86_400_000).toISOString();
      for (const expirationAccess of ['REVOKE_ACCESS', 'RESTRICT_ACCESS', 'MAINTAIN_ACCESS']) {
        const expired = await newLicense(t, floating({ expirationAccess }), { expiry: yesterday });
        expect(await reasonOf({ licenseId: expired.id, fingerprint: 'x' })).toBe('LICENSE_EXPIRED');
      }
      const allowed = await newLicense(t, floating({ expirationAccess: 'ALLOW_ACCESS' }), { expiry: yesterday });
      await activate(allowed.id, 'x');
    });

    it('frees the slot of a dead machine under DEACTIVATE_DEAD, and keeps it under KEEP_DEAD', async () => {
      const culled = await newLicense(t, { heartbeatDuration: 60 });
      const dead = await activate(culled.id, 'old');
      await ageHeartbeat(dead.id, 120);
      // the same fingerprint comes back: the dead row is gone before the new one is inserted
      expect((await activate(culled.id, 'old')).id).not.toBe(dead.id);
      expect((await t.gateway.ok(`query($id: ID!) { machine(id: $id) { id } }`, { id: dead.id })).machine).toBeNull();
      expect(await eventTypes(t, dead.id)).toEqual(['machine.created', 'machine.deleted']);
      const kept = await newLicense(t, { heartbeatDuration: 60, heartbeatCullStrategy: 'KEEP_DEAD' });
      await ageHeartbeat((await activate(kept.id, 'old')).id, 120);
      expect(await reasonOf({ licenseId: kept.id, fingerprint: 'new' })).toBe('TOO_MANY_MACHINES');
    });

    it('is safe under concurrency: 10 concurrent activations on maxMachines 3 leave exactly 3 machines', async () => {
      const license = await newLicense(t, floating({ maxMachines: 3 }));
      const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => t.gateway.raw(ACTIVATE, { input: { licenseId: license.id, fingerprint: `fp-${i}` } })));
      expect(responses.filter((r) => !r.errors).length).toBe(3);
      expect(responses.filter((r) => r.errors?.[0]?.extensions?.reason === 'TOO_MANY_MACHINES').length).toBe(7);
      const after = (await t.gateway.ok(LICENSE, { id: license.id })).license;
      expect(after).toMatchObject({ machinesCount: 3, totalActivations: 3 });
      expect(after.machines.edges).toHaveLength(3);
    });
  });

  describe('deactivateMachine', () => {
    it('removes the machine, counts the deactivation and records the events', async () => {
      const license = await newLicense(t, floating());
      const machine = await activate(license.id, 'fp');
      expect((await t.gateway.ok(DEACTIVATE, { id: machine.id })).deactivateMachine).toEqual({ id: machine.id, fingerprint: 'fp' });
      expect((await t.gateway.ok(LICENSE, { id: license.id })).license).toMatchObject({ machinesCount: 0, totalActivations: 1, totalDeactivations: 1 });
      expect(await eventTypes(t, machine.id)).toEqual(['machine.created', 'machine.deleted']);
      expect((await eventTypes(t, license.id)).slice(-1)).toEqual(['license.updated']);
      await t.gateway.fails('NOT_FOUND', DEACTIVATE, { id: machine.id });
    });

    it('caps deactivations with allowedDeactivations (CONFLICT TOO_MANY_DEACTIVATIONS)', async () => {
      const license = await newLicense(t, floating(), { allowedDeactivations: 1 });
      const a = await activate(license.id, 'a');
      const b = await activate(license.id, 'b');
      await t.gateway.ok(DEACTIVATE, { id: a.id });
      expect((await t.gateway.fails('CONFLICT', DEACTIVATE, { id: b.id })).extensions?.reason).toBe('TOO_MANY_DEACTIVATIONS');
      expect((await t.gateway.ok(LICENSE, { id: license.id })).license).toMatchObject({ machinesCount: 1, totalDeactivations: 1 });
    });

    it('answers NOT_FOUND for an unknown machine', async () => {
      await t.gateway.fails('NOT_FOUND', DEACTIVATE, { id: randomUUID() });
    });

    it('deactivates a machine once under concurrency: 5 concurrent requests give 1 success and 4 NOT_FOUND', async () => {
      const license = await newLicense(t, floating());
      const machine = await activate(license.id, 'fp');
      const responses = await Promise.all(Array.from({ length: 5 }, () => t.gateway.raw(DEACTIVATE, { id: machine.id })));
      expect(responses.filter((r) => !r.errors).length).toBe(1);
      expect(responses.filter((r) => r.errors?.[0]?.extensions?.code === 'NOT_FOUND').length).toBe(4);
      expect((await t.gateway.ok(LICENSE, { id: license.id })).license).toMatchObject({ machinesCount: 0, totalDeactivations: 1 });
    });
  });

  describe('pingMachineHeartbeat', () => {
    it('sets lastHeartbeat: the machine is ALIVE until lastHeartbeat + the policy duration', async () => {
      const license = await newLicense(t, { heartbeatDuration: 300 });
      const machine = await activate(license.id, 'fp');
      const pinged = (await t.gateway.ok(PING, { id: machine.id })).pingMachineHeartbeat;
      expect(pinged).toMatchObject({ id: machine.id, heartbeatStatus: 'ALIVE' });
      expect(Date.parse(pinged.lastHeartbeat)).toBeGreaterThan(Date.now() - 60_000);
      expect(Date.parse(pinged.nextHeartbeat) - Date.parse(pinged.lastHeartbeat)).toBe(300_000);
      expect(await eventTypes(t, machine.id)).toEqual(['machine.created', 'machine.heartbeat.ping']);
    });

    it('cannot resurrect a dead machine under DEACTIVATE_DEAD (CONFLICT HEARTBEAT_DEAD), can under KEEP_DEAD', async () => {
      const culled = await newLicense(t, { heartbeatDuration: 60 });
      const dead = await activate(culled.id, 'fp');
      await ageHeartbeat(dead.id, 120);
      expect((await t.gateway.fails('CONFLICT', PING, { id: dead.id })).extensions?.reason).toBe('HEARTBEAT_DEAD');
      const kept = await newLicense(t, { heartbeatDuration: 60, heartbeatCullStrategy: 'KEEP_DEAD' });
      const sleeper = await activate(kept.id, 'fp');
      await ageHeartbeat(sleeper.id, 120);
      expect((await t.gateway.ok(PING, { id: sleeper.id })).pingMachineHeartbeat.heartbeatStatus).toBe('ALIVE');
    });

    it('answers NOT_FOUND for an unknown machine', async () => {
      await t.gateway.fails('NOT_FOUND', PING, { id: randomUUID() });
    });
  });

  describe('IDs', () => {
    const notFound = (entity: string, id: string) => ({ message: `${entity} ${JSON.stringify(id)} was not found`, extensions: { code: 'NOT_FOUND', entity, id } });

    it('answers a malformed machine or license ID with the NOT_FOUND of that ID, not a database error, and changes nothing', async () => {
      const license = await newLicense(t, floating());
      const machine = await activate(license.id, 'fp');
      for (const query of [DEACTIVATE, PING]) {
        expect(await t.gateway.fails('NOT_FOUND', query, { id: 'not-a-uuid' })).toMatchObject(notFound('Machine', 'not-a-uuid'));
      }
      const error = await t.gateway.fails('NOT_FOUND', ACTIVATE, { input: { licenseId: 'not-a-uuid', fingerprint: 'fp-2' } });
      expect(error).toMatchObject(notFound('License', 'not-a-uuid'));
      expect((await t.gateway.ok(LICENSE, { id: license.id })).license).toMatchObject({ machinesCount: 1, totalActivations: 1, totalDeactivations: 0 });
      expect(await eventTypes(t, machine.id)).toEqual(['machine.created']);
    });

    it('finds a machine and a license by their ID in upper case', async () => {
      const license = await newLicense(t, floating());
      const machine = await activate(license.id.toUpperCase(), 'fp');
      expect(machine).toMatchObject({ licenseId: license.id, fingerprint: 'fp' });
      expect((await t.gateway.ok(PING, { id: machine.id.toUpperCase() })).pingMachineHeartbeat).toMatchObject({ id: machine.id });
      expect((await t.gateway.ok(DEACTIVATE, { id: machine.id.toUpperCase() })).deactivateMachine).toEqual({ id: machine.id, fingerprint: 'fp' });
      expect((await t.gateway.ok(LICENSE, { id: license.id })).license).toMatchObject({ machinesCount: 0, totalActivations: 1, totalDeactivations: 1 });
    });
  });
});
