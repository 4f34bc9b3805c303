/**
 * `Authorization: License <key>`: a client application acts for its own license only (validate, activate,
 * heartbeat, deactivate, check out), through the real gateway and straight to the subgraph, on every database kind.
 * Also: the webhook signing secret and the account's signing private key never appear in a response.
 */
import { randomUUID } from 'node:crypto';
import { DEV_ACCOUNT_ID } from '../../lib/auth';
import { WebhookDelivery } from '../../subgraphs/licenses/entities/WebhookDelivery';
import { bearerHeaders, testToken, withRouterSecret } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { client, type TestClient } from '../testkit/graphql';
import { outboxEvents } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';
import { licenseOf, newLicense, newPolicy, type NewLicense } from './licenses-fixtures';

const VALIDATE_KEY = 'mutation($k: String!) { validateLicenseKey(key: $k) { valid code license { id key status } } }';
const VALIDATE_ID = 'mutation($id: ID!) { validateLicense(id: $id) { valid code license { id } } }';
const ACTIVATE = 'mutation($i: ActivateMachineInput!) { activateMachine(input: $i) { id fingerprint licenseId } }';
const PING = 'mutation($id: ID!) { pingMachineHeartbeat(id: $id) { id heartbeatStatus } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateMachine(id: $id) { id fingerprint } }';
const CHECK_OUT = 'mutation($id: ID!) { checkOutLicense(id: $id) { certificate algorithm publicKey } }';
const STATE = 'query($id: ID!) { license(id: $id) { lastValidated lastCheckOut machinesCount totalActivations totalDeactivations uses } }';
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on License { id key } ... on Machine { id fingerprint } ... on Product { id } } }';

describe.each(DATABASE_KINDS)('license-key callers (%s)', (kind) => {
  let t: TestStack;
  let own: NewLicense;
  let other: { id: string; key: string };
  let otherMachineId: string;
  let key: { gateway: TestClient; subgraph: TestClient };
  const withKey = (k: string) => ({
    gateway: t.gatewayWith({ authorization: `License ${k}` }),
    subgraph: client(t.stack.subgraphs.licenses.url, withRouterSecret({ authorization: `License ${k}` })),
  });
  const state = async (id: string) => (await t.gateway.ok(STATE, { id })).license;

  beforeAll(async () => {
    t = await startTestStack(kind);
    own = await newLicense(t, { floating: true, maxMachines: 5 });
    other = await licenseOf(t, own.policyId);
    otherMachineId = (await t.gateway.ok(ACTIVATE, { i: { licenseId: other.id, fingerprint: 'fp-other' } })).activateMachine.id;
    key = withKey(own.key);
  });
  afterAll(async () => { await t?.stop(); });

  it('validates its own license by key and by ID, reading the license it returns', async () => {
    for (const c of [key.gateway, key.subgraph]) {
      expect((await c.ok(VALIDATE_KEY, { k: own.key })).validateLicenseKey)
        .toEqual({ valid: true, code: 'VALID', license: { id: own.id, key: own.key, status: 'ACTIVE' } });
      expect((await c.ok(VALIDATE_ID, { id: own.id })).validateLicense).toEqual({ valid: true, code: 'VALID', license: { id: own.id } });
    }
  });

  it('activates a machine on its own license (by key and by ID), pings it, deactivates it and checks the license out', async () => {
    const byKey = (await key.gateway.ok(ACTIVATE, { i: { licenseKey: own.key, fingerprint: 'fp-1' } })).activateMachine;
    expect(byKey).toEqual({ id: expect.any(String), fingerprint: 'fp-1', licenseId: own.id });
    const byId = (await key.subgraph.ok(ACTIVATE, { i: { licenseId: own.id, fingerprint: 'fp-2' } })).activateMachine;
    expect(byId).toEqual({ id: expect.any(String), fingerprint: 'fp-2', licenseId: own.id });
    expect((await key.gateway.ok(PING, { id: byKey.id })).pingMachineHeartbeat).toEqual({ id: byKey.id, heartbeatStatus: 'ALIVE' });
    expect((await key.gateway.ok(DEACTIVATE, { id: byId.id })).deactivateMachine).toEqual({ id: byId.id, fingerprint: 'fp-2' });
    const file = (await key.gateway.ok(CHECK_OUT, { id: own.id })).checkOutLicense;
    expect(file).toEqual({ certificate: expect.stringContaining('-----BEGIN LICENSE FILE-----'), algorithm: 'BASE64_ED25519', publicKey: expect.any(String) });
    expect(await state(own.id)).toMatchObject({ machinesCount: 1, totalActivations: 2, totalDeactivations: 1, lastCheckOut: expect.any(String) });
  });

  it('gets FORBIDDEN for another license of its account, which is left unchanged', async () => {
    const before = await state(other.id);
    for (const c of [key.gateway, key.subgraph]) {
      await c.fails('FORBIDDEN', VALIDATE_KEY, { k: other.key });
      await c.fails('FORBIDDEN', VALIDATE_ID, { id: other.id });
      await c.fails('FORBIDDEN', VALIDATE_KEY, { k: 'NO-SUCH-KEY' });
      await c.fails('FORBIDDEN', ACTIVATE, { i: { licenseId: other.id, fingerprint: 'fp-x' } });
      await c.fails('FORBIDDEN', ACTIVATE, { i: { licenseKey: other.key, fingerprint: 'fp-x' } });
      await c.fails('FORBIDDEN', PING, { id: otherMachineId });
      await c.fails('FORBIDDEN', DEACTIVATE, { id: otherMachineId });
      await c.fails('FORBIDDEN', CHECK_OUT, { id: other.id });
    }
    expect(await state(other.id)).toEqual(before);
  });

  it('gets FORBIDDEN for everything but the client operations, even on its own license', async () => {
    const before = await state(own.id);
    for (const c of [key.gateway, key.subgraph]) {
      await c.fails('FORBIDDEN', '{ licenses { totalCount } }');
      await c.fails('FORBIDDEN', STATE, { id: own.id });
      await c.fails('FORBIDDEN', 'query($k: String!) { licenseByKey(key: $k) { id } }', { k: own.key });
      await c.fails('FORBIDDEN', 'mutation($p: ID!) { createLicense(input: { policyId: $p }) { id } }', { p: own.policyId });
      await c.fails('FORBIDDEN', 'mutation($id: ID!) { incrementLicenseUsage(id: $id) { id } }', { id: own.id });
      await c.fails('FORBIDDEN', 'mutation($id: ID!) { suspendLicense(id: $id) { id } }', { id: own.id });
      await c.fails('FORBIDDEN', '{ webhookEndpoints { totalCount } }');
      await c.fails('FORBIDDEN', 'mutation($k: String!) { validateLicenseKey(key: $k) { license { product { name } } } }', { k: own.key });
    }
    expect((await t.gateway.ok('{ licenses { totalCount } }')).licenses.totalCount).toBe(2);
    expect(await state(own.id)).toMatchObject({ uses: before.uses, machinesCount: before.machinesCount });
  });

  it('_entities answers its own license and machines only', async () => {
    const { machines } = (await t.gateway.ok('query($id: ID!) { license(id: $id) { machines { edges { node { id } } } } }', { id: own.id })).license;
    const ownMachineId = machines.edges[0].node.id;
    const r = [{ __typename: 'License', id: own.id }, { __typename: 'License', id: other.id }, { __typename: 'Machine', id: ownMachineId }, { __typename: 'Machine', id: otherMachineId }];
    expect((await key.subgraph.ok(ENTITIES, { r }))._entities).toEqual([{ id: own.id, key: own.key }, null, { id: ownMachineId, fingerprint: 'fp-1' }, null]);
    await key.subgraph.fails('FORBIDDEN', ENTITIES, { r: [{ __typename: 'Product', id: own.productId }] });
  });

  it('an unknown key is UNAUTHENTICATED, and no other subgraph accepts a license key', async () => {
    for (const c of Object.values(withKey('NO-SUCH-KEY'))) await c.fails('UNAUTHENTICATED', VALIDATE_KEY, { k: own.key });
    const entitlements = client(t.stack.subgraphs.entitlements.url, withRouterSecret({ authorization: `License ${own.key}` }));
    await entitlements.fails('UNAUTHENTICATED', '{ __typename }');
  });

  it('a license key of account A cannot touch account B\'s license', async () => {
    const a = client(t.stack.gateway.url, bearerHeaders(await testToken({ accountId: randomUUID(), subject: 'account-a' })));
    const { policyId } = await newPolicy({ ...t, gateway: a });
    const { createLicense } = await a.ok('mutation($p: ID!) { createLicense(input: { policyId: $p }) { id key } }', { p: policyId });
    const aKey = withKey(createLicense.key);
    expect((await aKey.gateway.ok(VALIDATE_KEY, { k: createLicense.key })).validateLicenseKey.code).toBe('VALID');
    const before = await state(own.id);
    for (const c of [aKey.gateway, aKey.subgraph]) {
      await c.fails('FORBIDDEN', VALIDATE_KEY, { k: own.key });
      await c.fails('FORBIDDEN', VALIDATE_ID, { id: own.id });
      await c.fails('FORBIDDEN', ACTIVATE, { i: { licenseId: own.id, fingerprint: 'fp-a' } });
      await c.fails('NOT_FOUND', ACTIVATE, { i: { licenseKey: own.key, fingerprint: 'fp-a' } });
      await c.fails('FORBIDDEN', CHECK_OUT, { id: own.id });
      await c.fails('NOT_FOUND', PING, { id: otherMachineId });
    }
    expect((await aKey.subgraph.ok(ENTITIES, { r: [{ __typename: 'License', id: own.id }] }))._entities).toEqual([null]);
    expect(await state(own.id)).toEqual(before);
  });

  it('never returns the webhook signing secret (after creation) nor the signing private key', async () => {
    // port 9: fetch refuses it at once, so the worker's attempts fail without reaching any network
    const { createWebhookEndpoint } = await t.gateway.ok('mutation { createWebhookEndpoint(url: "http://127.0.0.1:9/all", events: ["*"]) { secret endpoint { id } } }');
    const secret: string = createWebhookEndpoint.secret;
    const created = await newLicense(t, {}, { metadata: [{ key: 'k', value: 'v' }] });
    await t.stack.subgraphs.licenses.relay?.drain(); // the webhook worker has recorded the delivery of license.created
    const responses = [
      await t.gateway.ok('{ webhookDeliveries { totalCount edges { node { payload event endpoint { url } } } } }'),
      await t.gateway.ok('mutation($p: ID!) { createLicense(input: { policyId: $p }) { id key metadata { key value } } }', { p: created.policyId }),
      await t.gateway.ok(CHECK_OUT, { id: created.id }),
      await key.gateway.ok(CHECK_OUT, { id: own.id }),
      await t.gateway.ok('{ account { id name publicKey } }'),
      await t.gateway.ok('{ webhookEndpoints { edges { node { id url events } } } }'),
      await t.gateway.ok('query($id: ID!) { webhookEndpoint(id: $id) { id url } }', { id: createWebhookEndpoint.endpoint.id }),
    ];
    expect(responses[0].webhookDeliveries.totalCount).toBe(1);
    expect(responses[0].webhookDeliveries.edges[0].node.event).toBe('license.created');
    const certificates = [responses[2], responses[3]].map((r) => {
      const body = Buffer.from(r.checkOutLicense.certificate.trim().split('\n').slice(1, -1).join(''), 'base64').toString('utf8');
      return Buffer.from((JSON.parse(body) as { enc: string }).enc, 'base64').toString('utf8');
    });
    for (const text of [...responses.map((r) => JSON.stringify(r)), ...certificates]) {
      expect(text).not.toContain('PRIVATE KEY');
      expect(text).not.toContain('v1.');
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice('whsec_'.length));
    }
  });
});
