/**
 * The outbox rows each mutation of the licenses subgraph records, through the real gateway over HTTP, on every
 * database kind: the exact event types in seq order (a change of a license row: its specific event, then exactly one
 * `license.updated`), the key of each event, and the license keys every event carries for `licenseEvents`
 * (licenseId, organizationId, productId). A mutation that fails records nothing.
 */
import { randomUUID } from 'node:crypto';
import type { OutboxEvent } from '../../lib/outbox';
import { Machine } from '../../subgraphs/licenses/entities/Machine';
import { DATABASE_KINDS } from '../testkit/databases';
import { outboxEvents } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';
import { DAY, newPolicy, newProduct, type Input } from './licenses-fixtures';

const CREATE = `mutation($input: LicenseInput!) { createLicense(input: $input) { id key } }`;
const ACTIVATE = `mutation($input: ActivateMachineInput!) { activateMachine(input: $input) { id } }`;
const METERS = `query($id: ID!) { license(id: $id) { meterAttributes { id } } }`;
const BULK = `mutation($scope: BulkUpdateScope!, $filter: String, $ids: [ID!], $body: LicenseBulkUpdateInput!) {
  bulkUpdateLicenses(scope: $scope, filter: $filter, ids: $ids, body: $body) { successCount failed }
}`;
const byId = (field: string, args = '') => `mutation($id: ID!) { ${field}(id: $id${args}) { __typename } }`;

/** The license a case works on, and what its setup and mutation add (machine IDs). A type: it goes as variables. */
type Subject = {
  id: string;
  key: string;
  policyId: string;
  organizationId: string | null;
  machineId?: string;
  deadMachineId?: string;
  meterId?: string;
};

interface Case {
  name: string;
  /** Policy input on top of the defaults (of the shared product). */
  policy?: Input;
  /** License input on top of the policy and the organization of the variant. */
  license?: Input;
  /** Brings the license to the state the mutation needs; records what it records, not counted. */
  setup?: (s: Subject) => Promise<Partial<Subject>>;
  /** The mutation; what it returns is added to the subject (e.g. the machine it created). */
  run: (s: Subject) => Promise<Partial<Subject> | void>;
  /** The events it records, oldest first: [type, ID of the entity]. */
  expected: (s: Subject) => Array<[string, string | undefined]>;
}

/** Changes that fail: each records nothing (the transaction rolls back, events included). */
interface Refusal {
  name: string;
  policy?: Input;
  license?: Input;
  setup?: (s: Subject) => Promise<Partial<Subject>>;
  /** The mutation, expected to fail with `code`, or (validation of a missing license) to answer without error. */
  run: (s: Subject) => Promise<unknown>;
}

describe.each(DATABASE_KINDS)('events recorded by the licenses subgraph (%s)', (kind) => {
  let t: TestStack;
  let productId: string;
  let organizationId: string;
  beforeAll(async () => {
    t = await startTestStack(kind);
    productId = await newProduct(t, 'Events');
    organizationId = (await t.gateway.ok(`mutation { createOrganization(input: { name: "Events Inc" }) { id } }`)).createOrganization.id;
  });
  afterAll(async () => { await t?.stop(); });

  const orm = () => t.stack.subgraphs.licenses.orm;
  const mutate = (query: string, vars: Input) => t.gateway.ok(query, vars);
  const activate = async (licenseId: string, fingerprint: string) => (await mutate(ACTIVATE, { input: { licenseId, fingerprint } })).activateMachine.id as string;
  const ageHeartbeat = (machineId: string) =>
    orm().em.fork().nativeUpdate(Machine, { id: machineId }, { lastHeartbeat: new Date(Date.now() - 3600_000) }, { filters: false });

  /** The outbox rows `run` adds, oldest first (tests of a file run one at a time). */
  async function recorded(run: () => Promise<unknown>): Promise<OutboxEvent[]> {
    const before = (await outboxEvents(orm())).at(-1)?.seq ?? 0;
    await run();
    return outboxEvents(orm(), { seq: { $gt: before } });
  }

  async function newLicenseFor(owner: string | null, c: { policy?: Input; license?: Input }): Promise<Subject> {
    const { policyId } = await newPolicy(t, c.policy ?? {}, productId);
    const { id, key } = (await mutate(CREATE, { input: { policyId, organizationId: owner, ...c.license } })).createLicense;
    return { id, key, policyId, organizationId: owner };
  }

  /** Every event is keyed by its entity, carries the license's keys, and keeps `data` the entity after the change. */
  function expectEvents(events: OutboxEvent[], expected: Array<[string, string | undefined]>, keys: { licenseId: string; organizationId: string | null }): void {
    expect(events.map((e) => [e.type, e.entityId])).toEqual(expected);
    for (const event of events) {
      expect(event.entityType).toBe(event.type.startsWith('machine.') ? 'Machine' : 'License');
      expect(event.payload).toMatchObject({ ...keys, productId, data: { id: event.entityId } });
    }
  }

  const CASES: Case[] = [
    { name: 'updateLicense', run: (s) => mutate(`mutation($id: ID!) { updateLicense(id: $id, input: { notes: "n" }) { id } }`, { id: s.id }), expected: (s) => [['license.updated', s.id]] },
    {
      name: 'replaceLicense',
      run: (s) => mutate(`mutation($id: ID!, $input: LicenseInput!) { replaceLicense(id: $id, input: $input) { id } }`, {
        id: s.id, input: { policyId: s.policyId, organizationId: s.organizationId, name: 'Replaced' },
      }),
      expected: (s) => [['license.updated', s.id]],
    },
    { name: 'suspendLicense', run: (s) => mutate(byId('suspendLicense'), s), expected: (s) => [['license.suspended', s.id], ['license.updated', s.id]] },
    {
      name: 'reinstateLicense', setup: (s) => mutate(byId('suspendLicense'), s).then(() => ({})),
      run: (s) => mutate(byId('reinstateLicense'), s), expected: (s) => [['license.reinstated', s.id], ['license.updated', s.id]],
    },
    { name: 'revokeLicense', run: (s) => mutate(byId('revokeLicense'), s), expected: (s) => [['license.revoked', s.id], ['license.updated', s.id]] },
    { name: 'renewLicense', policy: { duration: DAY }, run: (s) => mutate(byId('renewLicense'), s), expected: (s) => [['license.renewed', s.id], ['license.updated', s.id]] },
    {
      name: 'checkInLicense', policy: { requireCheckIn: true, checkInInterval: 3600 },
      run: (s) => mutate(byId('checkInLicense'), s), expected: (s) => [['license.checked-in', s.id], ['license.updated', s.id]],
    },
    { name: 'validateLicense', run: (s) => mutate(byId('validateLicense'), s), expected: (s) => [['license.validated', s.id], ['license.updated', s.id]] },
    {
      name: 'validateLicenseKey', run: (s) => mutate(`mutation($key: String!) { validateLicenseKey(key: $key) { valid } }`, { key: s.key }),
      expected: (s) => [['license.validated', s.id], ['license.updated', s.id]],
    },
    {
      name: 'checkOutLicense', run: (s) => mutate(`mutation($id: ID!) { checkOutLicense(id: $id, ttl: 3600) { ttl } }`, s),
      expected: (s) => [['license.checked-out', s.id], ['license.updated', s.id]],
    },
    { name: 'incrementLicenseUsage', run: (s) => mutate(byId('incrementLicenseUsage'), s), expected: (s) => [['license.usage.incremented', s.id], ['license.updated', s.id]] },
    {
      name: 'decrementLicenseUsage', setup: (s) => mutate(byId('incrementLicenseUsage'), s).then(() => ({})),
      run: (s) => mutate(byId('decrementLicenseUsage'), s), expected: (s) => [['license.usage.decremented', s.id], ['license.updated', s.id]],
    },
    { name: 'resetLicenseUsage', run: (s) => mutate(byId('resetLicenseUsage'), s), expected: (s) => [['license.usage.reset', s.id], ['license.updated', s.id]] },
    {
      name: 'incrementLicenseMeterAttribute', license: { meterAttributes: [{ name: 'exports', allowedUses: 5 }] },
      run: (s) => mutate(`mutation($id: ID!) { incrementLicenseMeterAttribute(licenseId: $id, name: "exports") { id } }`, s),
      expected: (s) => [['license.meter-attribute.incremented', s.id], ['license.updated', s.id]],
    },
    {
      name: 'resetLicenseMeterAttribute', license: { meterAttributes: [{ name: 'exports', allowedUses: 5 }] },
      setup: async (s) => ({ meterId: (await t.gateway.ok(METERS, s)).license.meterAttributes[0].id }),
      run: (s) => mutate(byId('resetLicenseMeterAttribute'), { id: s.meterId }),
      expected: (s) => [['license.meter-attribute.reset', s.id], ['license.updated', s.id]],
    },
    {
      name: 'activateMachine', run: async (s) => ({ machineId: await activate(s.id, 'fp-1') }),
      expected: (s) => [['machine.created', s.machineId], ['license.updated', s.id]],
    },
    {
      name: 'activateMachine culling a dead machine', policy: { heartbeatDuration: 60 },
      setup: async (s) => { const deadMachineId = await activate(s.id, 'old'); await ageHeartbeat(deadMachineId); return { deadMachineId }; },
      run: async (s) => ({ machineId: await activate(s.id, 'new') }),
      expected: (s) => [['machine.deleted', s.deadMachineId], ['machine.created', s.machineId], ['license.updated', s.id]],
    },
    {
      name: 'deactivateMachine', setup: async (s) => ({ machineId: await activate(s.id, 'fp-1') }),
      run: (s) => mutate(byId('deactivateMachine'), { id: s.machineId }), expected: (s) => [['machine.deleted', s.machineId], ['license.updated', s.id]],
    },
    {
      name: 'pingMachineHeartbeat', setup: async (s) => ({ machineId: await activate(s.id, 'fp-1') }),
      run: (s) => mutate(byId('pingMachineHeartbeat'), { id: s.machineId }), expected: (s) => [['machine.heartbeat.ping', s.machineId]],
    },
    {
      name: 'deleteLicense', setup: async (s) => ({ machineId: await activate(s.id, 'fp-1') }),
      run: (s) => mutate(byId('deleteLicense'), s), expected: (s) => [['machine.deleted', s.machineId], ['license.deleted', s.id]],
    },
  ];

  const REFUSALS: Refusal[] = [
    { name: 'suspendLicense of a suspended license', setup: (s) => mutate(byId('suspendLicense'), s).then(() => ({})), run: (s) => t.gateway.fails('CONFLICT', byId('suspendLicense'), s) },
    { name: 'reinstateLicense of an active license', run: (s) => t.gateway.fails('CONFLICT', byId('reinstateLicense'), s) },
    { name: 'renewLicense of a perpetual license', run: (s) => t.gateway.fails('CONFLICT', byId('renewLicense'), s) },
    { name: 'checkInLicense without check-ins', run: (s) => t.gateway.fails('CONFLICT', byId('checkInLicense'), s) },
    { name: 'checkOutLicense of a revoked license', setup: (s) => mutate(byId('revokeLicense'), s).then(() => ({})), run: (s) => t.gateway.fails('CONFLICT', byId('checkOutLicense'), s) },
    { name: 'validateLicense of no license', run: () => mutate(byId('validateLicense'), { id: randomUUID() }) },
    {
      name: 'incrementLicenseUsage above maxUses', policy: { maxUses: 1 }, setup: (s) => mutate(byId('incrementLicenseUsage'), s).then(() => ({})),
      run: (s) => t.gateway.fails('CONFLICT', byId('incrementLicenseUsage'), s),
    },
    { name: 'decrementLicenseUsage below 0', run: (s) => t.gateway.fails('CONFLICT', byId('decrementLicenseUsage'), s) },
    {
      name: 'incrementLicenseMeterAttribute above allowedUses', license: { meterAttributes: [{ name: 'exports', allowedUses: 0 }] },
      run: (s) => t.gateway.fails('CONFLICT', `mutation($id: ID!) { incrementLicenseMeterAttribute(licenseId: $id, name: "exports") { id } }`, s),
    },
    {
      name: 'activateMachine refused after culling a dead machine (the culling rolls back too)', policy: { floating: true, heartbeatDuration: 60 },
      setup: async (s) => {
        await activate(s.id, 'taken');
        const deadMachineId = await activate(s.id, 'old');
        await ageHeartbeat(deadMachineId);
        return { deadMachineId };
      },
      run: (s) => t.gateway.fails('CONFLICT', ACTIVATE, { input: { licenseId: s.id, fingerprint: 'taken' } }),
    },
    {
      name: 'deactivateMachine above allowedDeactivations', policy: { floating: true }, license: { allowedDeactivations: 1 },
      setup: async (s) => { await mutate(byId('deactivateMachine'), { id: await activate(s.id, 'a') }); return { machineId: await activate(s.id, 'b') }; },
      run: (s) => t.gateway.fails('CONFLICT', byId('deactivateMachine'), { id: s.machineId }),
    },
  ];

  describe.each([['of an organization', true], ['of no organization', false]])('a license %s', (_, owned) => {
    const owner = () => (owned ? organizationId : null);

    it('createLicense records license.created only', async () => {
      const { policyId } = await newPolicy(t, {}, productId);
      let id = '';
      const events = await recorded(async () => { id = (await mutate(CREATE, { input: { policyId, organizationId: owner() } })).createLicense.id; });
      expectEvents(events, [['license.created', id]], { licenseId: id, organizationId: owner() });
    });

    it.each(CASES.map((c) => [c.name, c] as const))('%s records exactly its events', async (_name, c) => {
      let subject: Subject = await newLicenseFor(owner(), c);
      subject = { ...subject, ...(await c.setup?.(subject)) };
      const events = await recorded(async () => { subject = { ...subject, ...(await c.run(subject)) }; });
      expectEvents(events, c.expected(subject), { licenseId: subject.id, organizationId: owner() });
    });

    it.each(REFUSALS.map((r) => [r.name, r] as const))('%s records nothing', async (_name, r) => {
      let subject: Subject = await newLicenseFor(owner(), r);
      subject = { ...subject, ...(await r.setup?.(subject)) };
      expect(await recorded(() => r.run(subject))).toEqual([]);
      if (subject.deadMachineId) expect((await t.gateway.ok(`query($id: ID!) { machine(id: $id) { id } }`, { id: subject.deadMachineId })).machine).not.toBeNull();
    });
  });

  describe('bulkUpdateLicenses', () => {
    it('records one license.updated per license it changes, with the keys of each license', async () => {
      const { policyId } = await newPolicy(t, {}, productId);
      const owners = new Map<string, string | null>();
      for (const owner of [organizationId, null, organizationId]) owners.set((await mutate(CREATE, { input: { policyId, organizationId: owner } })).createLicense.id, owner);
      const events = await recorded(() => mutate(BULK, { scope: 'ALL', filter: `policyId -eq "${policyId}"`, body: { notes: 'bulk' } }));
      expect(events.map((e) => [e.type, e.entityType])).toEqual(Array(3).fill(['license.updated', 'License']));
      expect(events.map((e) => e.entityId).sort()).toEqual([...owners.keys()].sort());
      for (const event of events) {
        expect(event.payload).toMatchObject({ licenseId: event.entityId, organizationId: owners.get(event.entityId), productId, data: { id: event.entityId, notes: 'bulk' } });
      }
      expect(await recorded(() => mutate(BULK, { scope: 'ONLY', ids: [randomUUID()], body: { notes: 'none' } }))).toEqual([]);
    });

    it('records license.suspended / license.reinstated for the licenses whose suspension it changes', async () => {
      const { policyId } = await newPolicy(t, {}, productId);
      const a = (await mutate(CREATE, { input: { policyId } })).createLicense.id;
      const b = (await mutate(CREATE, { input: { policyId } })).createLicense.id;
      await mutate(`mutation($id: ID!) { suspendLicense(id: $id) { id } }`, { id: b });
      const suspend = await recorded(() => mutate(BULK, { scope: 'ONLY', ids: [a, b], body: { suspended: true } }));
      const byLicense = (events: typeof suspend, id: string) => events.filter((e) => e.entityId === id).map((e) => e.type);
      expect(byLicense(suspend, a)).toEqual(['license.suspended', 'license.updated']);
      expect(byLicense(suspend, b)).toEqual(['license.updated']); // already suspended: an update, not a suspension
      const reinstate = await recorded(() => mutate(BULK, { scope: 'ONLY', ids: [a], body: { suspended: false } }));
      expect(reinstate.map((e) => [e.type, e.entityId])).toEqual([['license.reinstated', a], ['license.updated', a]]);
    });

    /** Last: a field policy applies to every license of the account until it is deleted. */
    it('records nothing for the licenses a field policy refuses', async () => {
      const { policyId } = await newPolicy(t, {}, productId);
      const kept = (await mutate(CREATE, { input: { policyId, organizationId, vendor: 'Acme' } })).createLicense.id;
      const changed = (await mutate(CREATE, { input: { policyId, organizationId } })).createLicense.id;
      const { createLicenseFieldPolicy } = await mutate(
        `mutation($input: LicenseFieldPolicyInput!) { createLicenseFieldPolicy(input: $input) { id } }`,
        { input: { name: 'Locked vendor', fields: [{ name: 'Vendor', isEditingAllowed: false }] } },
      );
      try {
        const events = await recorded(async () => {
          expect((await mutate(BULK, { scope: 'ONLY', ids: [kept, changed], body: { vendor: 'Bulk' } })).bulkUpdateLicenses).toEqual({ successCount: 1, failed: [kept] });
        });
        expect(events.map((e) => [e.type, e.entityId])).toEqual([['license.updated', changed]]);
        expect(events[0].payload).toMatchObject({ licenseId: changed, organizationId, productId, data: { vendor: 'Bulk' } });
      } finally {
        await mutate(`mutation($id: ID!) { deleteLicenseFieldPolicy(policyId: $id) { id } }`, { id: createLicenseFieldPolicy.id });
      }
    });
  });
});
