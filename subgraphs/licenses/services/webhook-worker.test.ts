/**
 * The webhook worker against a real database of every kind and a real local HTTP receiver, without the gateway:
 * the consumer's handler is called with bus events, the sender's claims race for real.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { BusEvent } from '../../../lib/events/bus';
import { openDatabase, type Orm } from '../../../lib/orm';
import { TENANT_FILTER, type Caller } from '../../../lib/tenancy';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../../../test/testkit/databases';
import { eventually } from '../../../test/testkit/eventually';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from '../../../test/testkit/webhook-receiver';
import { WebhookDelivery } from '../entities/WebhookDelivery';
import { WebhookEndpoint } from '../entities/WebhookEndpoint';
import { licensesSubgraph } from '../index';
import { webhookDeliveryConfig, type WebhookDeliveryConfig } from './webhook-delivery';
import { recordWebhookDeliveries } from './webhook-fanout';
import { attemptDelivery, claimDelivery, dueDeliveries } from './webhook-sender';
import { startWebhookSender, webhookEventHandler } from './webhook-worker';
import { createWebhookEndpoint, deleteWebhookEndpoint } from './webhooks';

const CONFIG: WebhookDeliveryConfig = { ...webhookDeliveryConfig({}), pollMs: 60_000, timeoutMs: 2_000, maxAttempts: 3, backoffBaseMs: 50 };

/** A local port nobody listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const callerOf = (accountId: string): Caller => ({ kind: 'token', accountId, subject: 'test', scopes: new Set() });

function licenseEvent(accountId: string, type = 'license.updated', occurredAt = new Date()): BusEvent {
  const licenseId = randomUUID();
  return {
    eventId: randomUUID(), source: 'licenses', seq: 1, accountId, type, entityType: 'License', entityId: licenseId,
    payload: { data: { id: licenseId, key: 'KEY-1' }, licenseId }, occurredAt: occurredAt.toISOString(),
  };
}

describe.each(DATABASE_KINDS)('webhook worker (%s)', (kind) => {
  let db: TestDatabase;
  let orm: Orm;
  let receiver: WebhookReceiver;

  const open = () => openDatabase({
    subgraph: 'licenses', entities: licensesSubgraph.entities, migrations: licensesSubgraph.migrations,
    databaseUrl: db.databaseUrl, sqlitePath: db.sqliteDir ? `${db.sqliteDir}/licenses.sqlite` : undefined,
  });

  beforeAll(async () => {
    db = await freshDatabase(kind);
    orm = await open();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await orm?.close(true);
    await db?.drop();
  });

  async function endpoint(accountId: string, path: string, events: string[]) {
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { accountId });
    const created = createWebhookEndpoint(em, callerOf(accountId), receiver.url(path), events);
    await em.flush();
    return created;
  }

  const deliveriesOf = (eventId: string) =>
    orm.em.fork().find(WebhookDelivery, { eventId }, { filters: false, orderBy: { createdAt: 'asc', id: 'asc' } });
  const deliveryById = (id: string) => orm.em.fork().findOneOrFail(WebhookDelivery, { id }, { filters: false });

  describe('recording deliveries (the consumer)', () => {
    it('records one PENDING delivery per endpoint of the account whose patterns match', async () => {
      const account = randomUUID();
      const all = await endpoint(account, '/fan/all', ['*']);
      const licenses = await endpoint(account, '/fan/licenses', ['license.*']);
      await endpoint(account, '/fan/machines', ['machine.*']);
      await endpoint(randomUUID(), '/fan/other-account', ['*']);
      const event = licenseEvent(account);
      expect(await recordWebhookDeliveries(orm, event)).toBe(2);
      const rows = await deliveriesOf(event.eventId);
      expect(rows.map((d) => d.endpointId).sort()).toEqual([all.endpoint.id, licenses.endpoint.id].sort());
      expect(rows[0]).toMatchObject({
        accountId: account, eventId: event.eventId, event: 'license.updated', status: 'PENDING', attempts: 0,
        lastResponseCode: null, lastError: null, attemptHistory: [],
        payload: { event: 'license.updated', data: { id: event.entityId, key: 'KEY-1' }, triggeredAt: event.occurredAt },
      });
    });

    it('records nothing for an event seen again, also when both arrive at once', async () => {
      const account = randomUUID();
      await endpoint(account, '/dup', ['license.updated']);
      const event = licenseEvent(account);
      await Promise.all([recordWebhookDeliveries(orm, event), recordWebhookDeliveries(orm, event)]);
      await recordWebhookDeliveries(orm, { ...event });
      expect(await deliveriesOf(event.eventId)).toHaveLength(1);
    });

    it('gives an endpoint only the events that happened after it was registered', async () => {
      const account = randomUUID();
      const before = new Date(Date.now() - 60_000);
      await endpoint(account, '/late', ['*']);
      const event = licenseEvent(account, 'license.updated', before);
      expect(await recordWebhookDeliveries(orm, event)).toBe(0);
      expect(await deliveriesOf(event.eventId)).toEqual([]);
    });

    it('ignores events endpoints cannot subscribe to', async () => {
      const account = randomUUID();
      await endpoint(account, '/mgmt', ['*']);
      for (const type of ['webhook-endpoint.created', 'webhook-delivery.retried', 'entitlement.seat.consumed']) {
        const event = licenseEvent(account, type);
        expect(await recordWebhookDeliveries(orm, event)).toBe(0);
        expect(await deliveriesOf(event.eventId)).toEqual([]);
      }
    });
  });

  describe('claiming', () => {
    it('lets exactly one of two racing claims of a due delivery win, and a stale read never', async () => {
      const account = randomUUID();
      await endpoint(account, '/claim', ['*']);
      const event = licenseEvent(account);
      await recordWebhookDeliveries(orm, event);
      const [read] = await deliveriesOf(event.eventId);
      const now = new Date();
      const results = await Promise.all([claimDelivery(orm, read, 15_000, now), claimDelivery(orm, read, 15_000, now)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await claimDelivery(orm, read, 15_000, now)).toBe(false);
      const claimed = await deliveryById(read.id);
      expect(claimed.nextAttemptAt).toEqual(new Date(now.getTime() + 15_000));
      expect((await dueDeliveries(orm, 1000)).map((d) => d.id)).not.toContain(read.id);
    });
  });

  describe('attempts', () => {
    async function claimedDelivery(path: string, statuses?: number[]) {
      const account = randomUUID();
      const created = await endpoint(account, path, ['*']);
      if (statuses) receiver.respond(path, statuses);
      const event = licenseEvent(account);
      await recordWebhookDeliveries(orm, event);
      const [delivery] = await deliveriesOf(event.eventId);
      expect(await claimDelivery(orm, delivery, 15_000)).toBe(true);
      return { ...created, account, event, delivery };
    }

    it('POSTs the signed body and records a 2xx as DELIVERED', async () => {
      const { delivery, secret, event } = await claimedDelivery('/attempt/ok', [204]);
      expect(await attemptDelivery(orm, delivery, CONFIG)).toBe('recorded');
      const [request] = receiver.received('/attempt/ok');
      expect(verifySignature(request, secret)).toBe(true);
      expect(request.headers).toMatchObject({
        'content-type': 'application/json', 'user-agent': 'licensing-webhooks/1', 'licensing-event': 'license.updated',
        'licensing-event-id': event.eventId, 'licensing-delivery-id': delivery.id,
      });
      expect(request.body).toBe(JSON.stringify({ event: 'license.updated', data: event.payload.data, triggeredAt: event.occurredAt }));
      const after = await deliveryById(delivery.id);
      expect(after).toMatchObject({ status: 'DELIVERED', attempts: 1, lastResponseCode: 204, lastError: null, nextAttemptAt: null });
      expect(after.attemptHistory).toEqual([
        { number: 1, at: after.lastAttemptAt!.toISOString(), durationMs: after.durationMs, responseCode: 204, error: null, succeeded: true },
      ]);
    });

    it('does not follow a redirect: a 3xx is a failed attempt, due again after the backoff', async () => {
      const { delivery } = await claimedDelivery('/attempt/redirect', [302]);
      const before = Date.now();
      expect(await attemptDelivery(orm, delivery, CONFIG)).toBe('recorded');
      const recorded = Date.now();
      expect(receiver.received('/attempt/redirect/moved')).toEqual([]);
      const after = await deliveryById(delivery.id);
      expect(after).toMatchObject({ status: 'PENDING', attempts: 1, lastResponseCode: 302, lastError: 'HTTP 302 Found: refused by the test receiver (302)' });
      // the backoff (50 ms) counts from the end of the attempt, which lies between these two instants
      expect(after.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + 50);
      expect(after.nextAttemptAt!.getTime()).toBeLessThanOrEqual(recorded + 50);
    });

    it('records a refused connection and a timeout without a response code', async () => {
      const refused = await claimedDelivery('/attempt/unused');
      const em = orm.em.fork();
      await em.nativeUpdate(WebhookEndpoint, { id: refused.endpoint.id }, { url: `http://127.0.0.1:${await closedPort()}/hook` }, { filters: false });
      await attemptDelivery(orm, refused.delivery, CONFIG);
      expect(await deliveryById(refused.delivery.id)).toMatchObject({ status: 'PENDING', lastResponseCode: null, lastError: 'Request failed: ECONNREFUSED' });

      const hanging = await claimedDelivery('/attempt/hang', [0]);
      await attemptDelivery(orm, hanging.delivery, { ...CONFIG, timeoutMs: 200 });
      const after = await deliveryById(hanging.delivery.id);
      expect(after).toMatchObject({ status: 'PENDING', lastResponseCode: null, lastError: 'No response within 200 ms' });
      expect(after.attemptHistory[0]).toMatchObject({ responseCode: null, error: 'No response within 200 ms', succeeded: false });
    });

    it('sends nothing and records nothing when the endpoint was deleted after the claim', async () => {
      const { delivery, endpoint: ep, account } = await claimedDelivery('/attempt/gone');
      const em = orm.em.fork();
      em.setFilterParams(TENANT_FILTER, { accountId: account });
      await em.transactional((tx) => deleteWebhookEndpoint(tx, callerOf(account), ep.id));
      expect(await attemptDelivery(orm, delivery, CONFIG)).toBe('endpoint-gone');
      expect(receiver.received('/attempt/gone')).toEqual([]);
      expect(await deliveriesOf(delivery.eventId)).toEqual([]);
    });

    it('does not write back a delivery that disappeared during its attempt', async () => {
      const { delivery } = await claimedDelivery('/attempt/vanished');
      await orm.em.fork().nativeDelete(WebhookDelivery, { id: delivery.id }, { filters: false });
      expect(await attemptDelivery(orm, delivery, CONFIG)).toBe('lost');
      expect(await deliveriesOf(delivery.eventId)).toEqual([]);
    });
  });

  describe('the sender', () => {
    // the attempts above left deliveries due (retries, a hanging endpoint): start from none
    beforeAll(() => orm.em.fork().nativeDelete(WebhookDelivery, {}, { filters: false }));

    it('sends as soon as the consumer records a delivery, long before the next poll', async () => {
      const sender = startWebhookSender(orm, CONFIG);
      try {
        const account = randomUUID();
        await endpoint(account, '/woken', ['license.updated']);
        const event = licenseEvent(account);
        await webhookEventHandler(orm, sender)(event);
        await eventually(() => receiver.received('/woken')[0], 'the delivery');
        const [delivery] = await eventually(async () => {
          const rows = await deliveriesOf(event.eventId);
          return rows[0]?.status === 'DELIVERED' ? rows : undefined;
        }, 'DELIVERED');
        expect(delivery.attempts).toBe(1);
      } finally {
        await sender.stop();
      }
    });

    it('with two senders on one database, POSTs each delivery exactly once', async () => {
      // two processes in one: on PostgreSQL a second ORM. On SQLite, not in this process: a statement of the
      // synchronous driver would block the event loop on the file lock held by the other ORM's open transaction
      const other = kind === 'postgresql' ? await open() : orm;
      const config = { ...CONFIG, pollMs: 10, batchSize: 5, concurrency: 3 };
      const senders = [startWebhookSender(orm, config), startWebhookSender(other, config)];
      try {
        const account = randomUUID();
        await endpoint(account, '/race', ['*']);
        const events = Array.from({ length: 30 }, () => licenseEvent(account));
        for (const event of events) await recordWebhookDeliveries(orm, event);
        await eventually(async () => {
          const rows = await orm.em.fork().find(WebhookDelivery, { accountId: account, status: 'DELIVERED' }, { filters: false });
          return rows.length === 30 ? rows : undefined;
        }, '30 deliveries DELIVERED');
        const ids = receiver.received('/race').map((r) => r.headers['licensing-delivery-id']);
        expect(ids).toHaveLength(30);
        expect(new Set(ids).size).toBe(30);
      } finally {
        await Promise.all(senders.map((s) => s.stop()));
        if (other !== orm) await other.close(true);
      }
    });

    it('stop() waits for the POST in flight', async () => {
      const account = randomUUID();
      await endpoint(account, '/slow', ['*']);
      receiver.respond('/slow', [0]);
      const sender = startWebhookSender(orm, { ...CONFIG, timeoutMs: 300 });
      const event = licenseEvent(account);
      await webhookEventHandler(orm, sender)(event);
      await eventually(() => receiver.received('/slow')[0], 'the POST in flight');
      await sender.stop();
      const [delivery] = await deliveriesOf(event.eventId);
      expect(delivery).toMatchObject({ attempts: 1, lastError: 'No response within 300 ms' });
    });
  });
});
