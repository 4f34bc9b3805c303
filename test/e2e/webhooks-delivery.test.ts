/**
 * Webhook delivery end to end, on every database kind: a mutation through the real gateway commits an outbox
 * event, the relay publishes it on the stack's bus, the licenses subgraph's webhook worker records and POSTs
 * it to a real local HTTP receiver, which verifies the signature with its own code (docs/webhooks.md).
 */
import { randomUUID } from 'node:crypto';
import type { BusEvent } from '../../lib/events/bus';
import { OutboxEvent } from '../../lib/outbox';
import { bearerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import type { TestClient } from '../testkit/graphql';
import { outboxEvents } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';
import { newLicense } from './licenses-fixtures';
import { eventually } from '../testkit/eventually';
import { startWebhookReceiver, verifySignature, type ReceivedWebhook, type WebhookReceiver } from '../testkit/webhook-receiver';

// read by the worker when the stack starts: quick polls and retries, and few attempts
Object.assign(process.env, { WEBHOOK_POLL_MS: '50', WEBHOOK_BACKOFF_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '5000' });

const CREATE = `mutation($url: String!, $events: [String!]!) { createWebhookEndpoint(url: $url, events: $events) { secret endpoint { id } } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }`;
const DELIVERY_FIELDS = `id endpointId eventId event payload status attempts lastResponseCode lastError nextAttemptAt
  attemptHistory { number at durationMs responseCode error succeeded }`;
const DELIVERIES = `query($endpointId: ID) { webhookDeliveries(endpointId: $endpointId, first: 100) { totalCount edges { node { ${DELIVERY_FIELDS} } } } }`;
const RETRY = `mutation($id: ID!) { retryWebhookDelivery(id: $id) { ${DELIVERY_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: LicenseInput!) { updateLicense(id: $id, input: $input) { id } }`;
const SUSPEND = `mutation($id: ID!) { suspendLicense(id: $id) { id } }`;

interface Delivery {
  id: string;
  eventId: string;
  event: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  payload: { data: { id: string } };
  attemptHistory: Array<{ number: number; responseCode: number | null; error: string | null; succeeded: boolean }>;
}

describe.each(DATABASE_KINDS)('webhook delivery through the gateway (%s)', (kind) => {
  let t: TestStack;
  let receiver: WebhookReceiver;
  /** Endpoints of the running test, deleted after it so that they receive nothing of later tests. */
  let registered: Array<{ id: string; client: TestClient }> = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestStack(kind);
  });
  afterEach(async () => {
    for (const { id, client } of registered) await client.ok(DELETE, { id });
    registered = [];
  });
  afterAll(async () => {
    await t?.stop();
    await receiver?.close();
  });

  async function register(path: string, events: string[], client = t.gateway): Promise<{ id: string; secret: string }> {
    const { createWebhookEndpoint } = await client.ok(CREATE, { url: receiver.url(path), events });
    registered.push({ id: createWebhookEndpoint.endpoint.id, client });
    return { id: createWebhookEndpoint.endpoint.id, secret: createWebhookEndpoint.secret };
  }

  async function deliveriesOf(endpointId: string, client = t.gateway): Promise<Delivery[]> {
    const { webhookDeliveries } = await client.ok(DELIVERIES, { endpointId });
    return webhookDeliveries.edges.map((e: { node: Delivery }) => e.node);
  }

  /** The endpoint's only delivery, once `done` holds for it. */
  const settled = (endpointId: string, done: (d: Delivery) => boolean, client = t.gateway) =>
    eventually(async () => {
      const deliveries = await deliveriesOf(endpointId, client);
      return deliveries.length === 1 && done(deliveries[0]) && deliveries[0];
    }, `a settled delivery to ${endpointId}`);

  const requestsAbout = (path: string, licenseId: string): ReceivedWebhook[] =>
    receiver.received(path).filter((r) => r.json.data.id === licenseId);

  const outboxEvent = async (licenseId: string, type: string): Promise<OutboxEvent> => {
    const rows = await outboxEvents(t.stack.subgraphs.licenses.orm, { entityId: licenseId, type });
    expect(rows).toHaveLength(1);
    return rows[0];
  };

  it('POSTs a signed { event, data, triggeredAt } for a license change and records it DELIVERED', async () => {
    const license = await newLicense(t);
    const { id: endpointId, secret } = await register('/signed', ['license.updated']);
    await t.gateway.ok(UPDATE, { id: license.id, input: { name: 'Renamed' } });

    const request = await eventually(() => requestsAbout('/signed', license.id)[0], 'the POST');
    const event = await outboxEvent(license.id, 'license.updated');
    expect(verifySignature(request, secret)).toBe(true);
    expect(verifySignature(request, `${secret}x`)).toBe(false);
    expect(request.headers).toMatchObject({
      'content-type': 'application/json', 'user-agent': 'licensing-webhooks/1', 'licensing-event': 'license.updated',
      'licensing-event-id': event.eventId,
    });
    expect(Object.keys(request.json)).toEqual(['event', 'data', 'triggeredAt']);
    expect(request.json).toEqual({
      event: 'license.updated',
      data: expect.objectContaining({ id: license.id, key: license.key, name: 'Renamed' }),
      triggeredAt: new Date(event.occurredAt).toISOString(),
    });

    const delivery = await settled(endpointId, (d) => d.status === 'DELIVERED');
    expect(delivery).toMatchObject({
      id: request.headers['licensing-delivery-id'], eventId: event.eventId, event: 'license.updated', attempts: 1,
      lastResponseCode: 200, lastError: null, nextAttemptAt: null, payload: request.json,
      attemptHistory: [{ number: 1, responseCode: 200, error: null, succeeded: true }],
    });
    expect(receiver.received('/signed')).toHaveLength(1);
    // the secret was shown once, by createWebhookEndpoint: no read gives it back
    const reads = await t.gateway.ok(`{ webhookEndpoints { edges { node { id url events } } } webhookDeliveries { edges { node { ${DELIVERY_FIELDS} } } } }`);
    expect(JSON.stringify(reads)).not.toContain(secret.slice('whsec_'.length));
  });

  it('retries with backoff: a receiver answering 500, 500, 200 gets exactly 3 requests for one DELIVERED delivery', async () => {
    const license = await newLicense(t);
    receiver.respond('/flaky', [500, 500, 200]);
    const { id: endpointId, secret } = await register('/flaky', ['license.updated']);
    await t.gateway.ok(UPDATE, { id: license.id, input: { name: 'Flaky' } });

    const delivery = await settled(endpointId, (d) => d.status === 'DELIVERED');
    expect(delivery).toMatchObject({ attempts: 3, lastResponseCode: 200, lastError: null, nextAttemptAt: null });
    expect(delivery.attemptHistory.map((a) => [a.number, a.responseCode, a.succeeded])).toEqual([[1, 500, false], [2, 500, false], [3, 200, true]]);
    expect(delivery.attemptHistory[0].error).toBe('HTTP 500 Internal Server Error: refused by the test receiver (500)');
    const requests = receiver.received('/flaky');
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers['licensing-delivery-id']))).toEqual(new Set([delivery.id]));
    expect(new Set(requests.map((r) => r.headers['licensing-event-id']))).toEqual(new Set([delivery.eventId]));
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    expect(requests.every((r) => verifySignature(r, secret))).toBe(true);
  });

  it('makes one delivery of an event published twice', async () => {
    const license = await newLicense(t);
    const { id: endpointId } = await register('/once', ['license.suspended']);
    await t.gateway.ok(SUSPEND, { id: license.id });
    const delivery = await settled(endpointId, (d) => d.status === 'DELIVERED');

    const row = await outboxEvent(license.id, 'license.suspended');
    // as after a relay crash between publishing and marking: the relay publishes the row again
    const em = t.stack.subgraphs.licenses.orm.em.fork();
    await em.nativeUpdate(OutboxEvent, { seq: row.seq }, { publishedAt: null }, { filters: false });
    await eventually(async () => (await outboxEvent(license.id, 'license.suspended')).publishedAt !== null, 'the row published again');
    // and the same event straight on the bus, twice in one batch
    const event: BusEvent = {
      eventId: row.eventId, source: 'licenses', seq: Number(row.seq), accountId: row.accountId, type: row.type,
      entityType: row.entityType, entityId: row.entityId, payload: row.payload, occurredAt: new Date(row.occurredAt).toISOString(),
    };
    await t.stack.bus.publish([event, event]);

    expect(await deliveriesOf(endpointId)).toEqual([delivery]);
    expect(receiver.received('/once')).toHaveLength(1);
  });

  it('sends an endpoint only the event types it subscribed to', async () => {
    const license = await newLicense(t);
    const suspendedOnly = await register('/suspended-only', ['license.suspended']);
    const updatedOnly = await register('/updated-only', ['license.updated']);
    // one mutation, two events: license.suspended, then license.updated
    await t.gateway.ok(SUSPEND, { id: license.id });

    await settled(suspendedOnly.id, (d) => d.status === 'DELIVERED');
    // license.updated comes second: once its delivery exists, both events have been fanned out
    await settled(updatedOnly.id, (d) => d.status === 'DELIVERED');
    expect((await deliveriesOf(suspendedOnly.id)).map((d) => d.event)).toEqual(['license.suspended']);
    expect((await deliveriesOf(updatedOnly.id)).map((d) => d.event)).toEqual(['license.updated']);
    expect(receiver.received('/suspended-only').map((r) => r.json.event)).toEqual(['license.suspended']);
  });

  it('ends FAILED after WEBHOOK_MAX_ATTEMPTS, and a retry makes exactly one more attempt', async () => {
    const license = await newLicense(t);
    receiver.respond('/down', [503]);
    const { id: endpointId } = await register('/down', ['license.updated']);
    await t.gateway.ok(UPDATE, { id: license.id, input: { name: 'Down' } });

    const failed = await settled(endpointId, (d) => d.status === 'FAILED');
    expect(failed).toMatchObject({ attempts: 3, nextAttemptAt: null, lastResponseCode: 503, lastError: 'HTTP 503 Service Unavailable: refused by the test receiver (503)' });
    expect(failed.attemptHistory.map((a) => a.responseCode)).toEqual([503, 503, 503]);
    expect(receiver.received('/down')).toHaveLength(3);

    const retried = (await t.gateway.ok(RETRY, { id: failed.id })).retryWebhookDelivery;
    expect(retried).toMatchObject({ id: failed.id, status: 'PENDING', attempts: 3 });
    const again = await settled(endpointId, (d) => d.status === 'FAILED' && d.attempts === 4);
    expect(again.attemptHistory.map((a) => [a.number, a.responseCode])).toEqual([[1, 503], [2, 503], [3, 503], [4, 503]]);
    expect(again.nextAttemptAt).toBeNull();
    expect(receiver.received('/down')).toHaveLength(4);
  });

  it("never sends one account's events to another account's endpoints", async () => {
    const other = t.gatewayWith(bearerHeaders(await testToken({ accountId: randomUUID(), subject: 'other-account' })));
    const theirs = await register('/tenant-b', ['*'], other);
    const ours = await register('/tenant-a', ['license.*']);
    const license = await newLicense(t);
    await t.gateway.ok(UPDATE, { id: license.id, input: { name: 'Ours' } });
    await eventually(async () => (await deliveriesOf(ours.id)).some((d) => d.event === 'license.updated' && d.status === 'DELIVERED'),
      'our license.updated delivered');

    // their license, with their token: to their endpoint only
    const { createProduct } = await other.ok(`mutation { createProduct(input: { name: "Theirs" }) { id } }`);
    const { createPolicy } = await other.ok(`mutation($p: ID!) { createPolicy(input: { productId: $p, name: "Std" }) { id } }`, { p: createProduct.id });
    const { createLicense } = await other.ok(`mutation($p: ID!) { createLicense(input: { policyId: $p }) { id } }`, { p: createPolicy.id });
    const theirDelivery = await settled(theirs.id, (d) => d.status === 'DELIVERED', other);
    expect(theirDelivery).toMatchObject({ event: 'license.created', payload: { data: { id: createLicense.id } } });

    // each handler call fans out to every endpoint of the event's account: by now both events are done
    expect(receiver.received('/tenant-b').map((r) => r.json.data.id)).toEqual([createLicense.id]);
    expect(receiver.received('/tenant-a').map((r) => r.json.data.id)).not.toContain(createLicense.id);
    expect((await deliveriesOf(ours.id)).map((d) => d.payload.data.id)).not.toContain(createLicense.id);
    expect((await deliveriesOf(theirs.id, other)).map((d) => d.payload.data.id)).toEqual([createLicense.id]);
    // and neither account lists the other's deliveries
    expect(await deliveriesOf(theirs.id)).toEqual([]);
    expect(await deliveriesOf(ours.id, other)).toEqual([]);
  });
});
