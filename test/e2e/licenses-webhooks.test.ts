/**
 * Webhook endpoints and deliveries through the real gateway over HTTP, on every database kind: the signing secret
 * is shown once and is sealed at rest, validation codes and paths, deletion, the delivery record and its retry,
 * the events recorded, tenant isolation and the `_entities` reference of WebhookEndpoint.
 */
import { routerHeaders } from '../testkit/auth';
import { randomUUID } from 'node:crypto';
import { DEV_ACCOUNT_ID } from '../../lib/auth';
import { TENANT_FILTER } from '../../lib/tenancy';
import { WebhookDelivery } from '../../subgraphs/licenses/entities/WebhookDelivery';
import { WebhookEndpoint } from '../../subgraphs/licenses/entities/WebhookEndpoint';
import { endpointSigningSecret } from '../../subgraphs/licenses/services/webhooks';
import { DATABASE_KINDS } from '../testkit/databases';
import { client } from '../testkit/graphql';
import { outboxEvents } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';

const ENDPOINT_FIELDS = `id url events createdAt updatedAt`;
const CREATE = `mutation($url: String!, $events: [String!]!) {
  createWebhookEndpoint(url: $url, events: $events) { secret endpoint { ${ENDPOINT_FIELDS} } }
}`;
const DELETE = `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`;
const ENDPOINT = `query($id: ID!) { webhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`;
const ENDPOINTS = `query($first: Int, $after: String) {
  webhookEndpoints(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id url } } }
}`;
const DELIVERY_FIELDS = `id endpointId eventId event payload status attempts lastResponseCode lastError lastAttemptAt nextAttemptAt durationMs
  attemptHistory { number at durationMs responseCode error succeeded }`;
const DELIVERIES = `query($endpointId: ID) {
  webhookDeliveries(endpointId: $endpointId) { totalCount edges { node { ${DELIVERY_FIELDS} endpoint { id url } } } }
}`;
const RETRY = `mutation($id: ID!) { retryWebhookDelivery(id: $id) { ${DELIVERY_FIELDS} } }`;

describe.each(DATABASE_KINDS)('webhooks through the gateway (%s)', (kind) => {
  let t: TestStack;
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  const orm = () => t.stack.subgraphs.licenses.orm;
  const create = (url: string, events: string[]) => t.gateway.ok(CREATE, { url, events }).then((d) => d.createWebhookEndpoint);
  const endpointCount = async () => (await t.gateway.ok(ENDPOINTS)).webhookEndpoints.totalCount as number;

  const events = (entityId: string) => outboxEvents(orm(), { entityId });

  /**
   * A delivery in a given state, written by the test (webhooks-delivery.test.ts covers the worker that makes
   * them). Not due unless `extra` says so: the running delivery worker leaves it alone.
   */
  async function insertDelivery(endpointId: string, extra: Partial<WebhookDelivery> = {}): Promise<WebhookDelivery> {
    const em = orm().em.fork();
    const delivery = Object.assign(new WebhookDelivery(), {
      accountId: DEV_ACCOUNT_ID, endpointId, eventId: randomUUID(), event: 'license.updated', nextAttemptAt: null,
      payload: { event: 'license.updated', data: { id: 'lic-1' }, triggeredAt: '2024-05-01T10:00:00.000Z' }, ...extra,
    });
    await em.persist(delivery).flush();
    return delivery;
  }

  describe('createWebhookEndpoint', () => {
    it('registers the endpoint, returns the secret once and records webhook-endpoint.created', async () => {
      const created = await create('https://hooks.example.com/licensing', ['license.updated', 'machine.*']);
      expect(created.endpoint).toEqual({
        id: expect.any(String), url: 'https://hooks.example.com/licensing', events: ['license.updated', 'machine.*'],
        createdAt: expect.any(String), updatedAt: expect.any(String),
      });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      const [event] = await events(created.endpoint.id);
      expect(event).toMatchObject({ type: 'webhook-endpoint.created', entityType: 'WebhookEndpoint', accountId: DEV_ACCOUNT_ID });
      expect(event.payload.data).toMatchObject({ id: created.endpoint.id, url: 'https://hooks.example.com/licensing' });
      expect(JSON.stringify(event.payload)).not.toMatch(/secret/i);
    });

    it('stores the secret sealed: not in clear, and it opens to the secret that was shown', async () => {
      const { endpoint, secret } = await create('https://hooks.example.com/sealed', ['*']);
      const em = orm().em.fork();
      em.setFilterParams(TENANT_FILTER, { accountId: DEV_ACCOUNT_ID });
      const row = await em.findOneOrFail(WebhookEndpoint, { id: endpoint.id }, { populate: ['signingSecretSealed'] });
      expect(row.signingSecretSealed).toMatch(/^v1\./);
      expect(row.signingSecretSealed).not.toContain(secret.slice('whsec_'.length));
      expect(await endpointSigningSecret(em, row)).toBe(secret);
    });

    it('gives a fresh secret to every endpoint', async () => {
      const a = await create('https://hooks.example.com/a', ['*']);
      const b = await create('https://hooks.example.com/a', ['*']);
      expect(a.secret).not.toBe(b.secret);
    });

    it('keeps the events without duplicates', async () => {
      expect((await create('http://127.0.0.1:9000/h', ['license.*', 'license.*', '*'])).endpoint.events).toEqual(['license.*', '*']);
    });

    it.each([
      ['a relative URL', '/hooks'],
      ['a non-http scheme', 'ftp://example.com/hooks'],
      ['a URL longer than 2048 characters', `https://example.com/${'a'.repeat(2029)}`],
      ['no URL at all', ''],
    ])('refuses %s with BAD_USER_INPUT at [url] and changes nothing', async (_, url) => {
      const before = await endpointCount();
      const error = await t.gateway.fails('BAD_USER_INPUT', CREATE, { url, events: ['*'] });
      expect(error.extensions?.argumentPath).toEqual(['url']);
      expect(await endpointCount()).toBe(before);
    });

    it('refuses an empty event list at [events]', async () => {
      const error = await t.gateway.fails('BAD_USER_INPUT', CREATE, { url: 'https://example.com/h', events: [] });
      expect(error.extensions?.argumentPath).toEqual(['events']);
    });

    it.each([['license.exploded'], ['device.*'], ['lic*']])('refuses the event %s at [events, i]', async (pattern) => {
      const before = await endpointCount();
      const error = await t.gateway.fails('BAD_USER_INPUT', CREATE, { url: 'https://example.com/h', events: ['license.created', '*', pattern] });
      expect(error.extensions?.argumentPath).toEqual(['events', 2]);
      expect(await endpointCount()).toBe(before);
    });
  });

  describe('reading endpoints', () => {
    it('reads an endpoint by ID and lists the endpoints oldest first, a page at a time', async () => {
      const { endpoint } = await create('https://hooks.example.com/read', ['license.created']);
      expect((await t.gateway.ok(ENDPOINT, { id: endpoint.id })).webhookEndpoint).toEqual(endpoint);
      const all = (await t.gateway.ok(ENDPOINTS, { first: 100 })).webhookEndpoints;
      expect(all.edges[all.edges.length - 1].node).toEqual({ id: endpoint.id, url: endpoint.url });
      const first = (await t.gateway.ok(ENDPOINTS, { first: 1 })).webhookEndpoints;
      expect(first).toMatchObject({ totalCount: all.totalCount, pageInfo: { hasNextPage: true } });
      const second = (await t.gateway.ok(ENDPOINTS, { first: 1, after: first.pageInfo.endCursor })).webhookEndpoints;
      expect(second.edges[0].node.id).toBe(all.edges[1].node.id);
    });

    it('answers null for an unknown or malformed ID', async () => {
      expect((await t.gateway.ok(ENDPOINT, { id: randomUUID() })).webhookEndpoint).toBeNull();
      expect((await t.gateway.ok(ENDPOINT, { id: 'not-a-uuid' })).webhookEndpoint).toBeNull();
    });

    it('has no way to read the secret: WebhookEndpoint has no such field', async () => {
      const { __type } = await t.gateway.ok(`{ __type(name: "WebhookEndpoint") { fields { name } } }`);
      const names = (__type.fields as Array<{ name: string }>).map((f) => f.name);
      expect(names.sort()).toEqual(['createdAt', 'events', 'id', 'updatedAt', 'url']);
      await t.gateway.fails('GRAPHQL_VALIDATION_FAILED', `query($id: ID!) { webhookEndpoint(id: $id) { secret } }`, { id: randomUUID() });
    });

    it('resolves a WebhookEndpoint reference (_entities) in the licenses subgraph', async () => {
      const { endpoint } = await create('https://hooks.example.com/ref', ['machine.created']);
      const subgraph = client(t.stack.subgraphs.licenses.url, await routerHeaders());
      const { _entities } = await subgraph.ok(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on WebhookEndpoint { id url events } } }`,
        { r: [{ __typename: 'WebhookEndpoint', id: endpoint.id }, { __typename: 'WebhookEndpoint', id: randomUUID() }] },
      );
      expect(_entities).toEqual([{ id: endpoint.id, url: 'https://hooks.example.com/ref', events: ['machine.created'] }, null]);
    });
  });

  describe('deleteWebhookEndpoint', () => {
    it('deletes the endpoint and its deliveries and records webhook-endpoint.deleted', async () => {
      const { endpoint } = await create('https://hooks.example.com/gone', ['*']);
      await insertDelivery(endpoint.id);
      expect((await t.gateway.ok(DELETE, { id: endpoint.id })).deleteWebhookEndpoint).toEqual(endpoint);
      expect((await t.gateway.ok(ENDPOINT, { id: endpoint.id })).webhookEndpoint).toBeNull();
      expect((await t.gateway.ok(DELIVERIES, { endpointId: endpoint.id })).webhookDeliveries.totalCount).toBe(0);
      expect((await events(endpoint.id)).map((e) => e.type)).toEqual(['webhook-endpoint.created', 'webhook-endpoint.deleted']);
    });

    it('answers NOT_FOUND for an unknown, malformed or already deleted endpoint', async () => {
      const { endpoint } = await create('https://hooks.example.com/twice', ['*']);
      await t.gateway.ok(DELETE, { id: endpoint.id });
      for (const id of [endpoint.id, randomUUID(), 'not-a-uuid']) await t.gateway.fails('NOT_FOUND', DELETE, { id });
    });
  });

  describe('webhook deliveries', () => {
    it('lists none for a new endpoint, and retrying an unknown delivery is NOT_FOUND', async () => {
      const { endpoint } = await create('https://hooks.example.com/quiet', ['*']);
      expect((await t.gateway.ok(DELIVERIES, { endpointId: endpoint.id })).webhookDeliveries).toEqual({ totalCount: 0, edges: [] });
      await t.gateway.fails('NOT_FOUND', RETRY, { id: randomUUID() });
      await t.gateway.fails('NOT_FOUND', RETRY, { id: 'not-a-uuid' });
      const error = await t.gateway.fails('BAD_USER_INPUT', DELIVERIES, { endpointId: 'not-a-uuid' });
      expect(error.extensions?.argumentPath).toEqual(['endpointId']);
    });

    it('lists the deliveries of an endpoint newest first, with their record and endpoint', async () => {
      const { endpoint } = await create('https://hooks.example.com/busy', ['license.*']);
      const other = (await create('https://hooks.example.com/other', ['*'])).endpoint;
      const older = await insertDelivery(endpoint.id, {
        createdAt: new Date(Date.now() - 60_000), status: 'DELIVERED', attempts: 1, lastResponseCode: 200, durationMs: 42, lastAttemptAt: new Date(),
        attemptHistory: [{ number: 1, at: '2024-05-01T10:00:00.030Z', durationMs: 42, responseCode: 200, error: null, succeeded: true }],
      });
      const newer = await insertDelivery(endpoint.id, { status: 'FAILED', attempts: 8, lastResponseCode: 500, lastError: 'HTTP 500', nextAttemptAt: null });
      const third = await insertDelivery(other.id);
      const page = (await t.gateway.ok(DELIVERIES, { endpointId: endpoint.id })).webhookDeliveries;
      expect(page.totalCount).toBe(2);
      expect(page.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([newer.id, older.id]);
      expect(page.edges[1].node).toMatchObject({
        endpointId: endpoint.id, eventId: older.eventId, event: 'license.updated', status: 'DELIVERED', attempts: 1,
        lastResponseCode: 200, lastError: null, durationMs: 42, nextAttemptAt: null, endpoint: { id: endpoint.id, url: endpoint.url },
        attemptHistory: [{ number: 1, at: '2024-05-01T10:00:00.030Z', durationMs: 42, responseCode: 200, error: null, succeeded: true }],
        payload: { event: 'license.updated', data: { id: 'lic-1' }, triggeredAt: '2024-05-01T10:00:00.000Z' },
      });
      // without endpointId: every endpoint's deliveries, the other endpoint's too
      const all = (await t.gateway.ok(DELIVERIES)).webhookDeliveries.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(all).toEqual(expect.arrayContaining([newer.id, older.id, third.id]));
    });

    it('retries a failed delivery now and records webhook-delivery.retried', async () => {
      // port 9 is one fetch refuses to connect to: the worker's attempt after the retry fails at once, offline
      const { endpoint } = await create('http://127.0.0.1:9/retry', ['*']);
      const failed = await insertDelivery(endpoint.id, { status: 'FAILED', attempts: 8, lastError: 'timeout', nextAttemptAt: null });
      const before = Date.now();
      const retried = (await t.gateway.ok(RETRY, { id: failed.id })).retryWebhookDelivery;
      expect(retried).toMatchObject({ id: failed.id, status: 'PENDING', attempts: 8, lastError: 'timeout' });
      expect(Date.parse(retried.nextAttemptAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(retried.nextAttemptAt)).toBeLessThanOrEqual(Date.now() + 1000);
      expect((await events(failed.id)).map((e) => e.type)).toEqual(['webhook-delivery.retried']);
    });

    it('refuses to retry a delivered delivery (CONFLICT, ALREADY_DELIVERED) and changes nothing', async () => {
      const { endpoint } = await create('https://hooks.example.com/done', ['*']);
      const done = await insertDelivery(endpoint.id, { status: 'DELIVERED', attempts: 1, lastResponseCode: 204, nextAttemptAt: null });
      const error = await t.gateway.fails('CONFLICT', RETRY, { id: done.id });
      expect(error.extensions?.reason).toBe('ALREADY_DELIVERED');
      const [row] = (await t.gateway.ok(DELIVERIES, { endpointId: endpoint.id })).webhookDeliveries.edges;
      expect(row.node).toMatchObject({ status: 'DELIVERED', nextAttemptAt: null });
      expect(await events(done.id)).toEqual([]);
    });

    it("neither lists nor retries another account's deliveries", async () => {
      const { endpoint } = await create('https://hooks.example.com/tenant', ['*']);
      const foreign = await insertDelivery(endpoint.id, { accountId: randomUUID(), status: 'FAILED' });
      expect((await t.gateway.ok(DELIVERIES, { endpointId: endpoint.id })).webhookDeliveries.totalCount).toBe(0);
      await t.gateway.fails('NOT_FOUND', RETRY, { id: foreign.id });
    });
  });
});
