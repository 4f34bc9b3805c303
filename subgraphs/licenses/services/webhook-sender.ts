/**
 * The sender of webhook deliveries: a poller that claims due deliveries and POSTs them, in any number of
 * processes at once. A claim is a conditional UPDATE that moves `nextAttemptAt` past the attempt's timeout,
 * so two senders never make the same attempt; a sender that dies mid-attempt leaves it due again.
 */
import type { Em, Orm } from '../../../lib/orm';
import { WebhookDelivery } from '../entities/WebhookDelivery';
import { WebhookEndpoint } from '../entities/WebhookEndpoint';
import {
  MAX_ERROR_LENGTH, claimLeaseMs, deliveryAfterAttempt, isSuccessCode, webhookBodyText, webhookHeaders,
  type AttemptOutcome, type WebhookDeliveryConfig,
} from './webhook-delivery';
import { endpointSigningSecret } from './webhooks';

/** The due deliveries, most overdue first (not claimed yet). System work: every account's. */
export function dueDeliveries(orm: Orm, limit: number, now = new Date()): Promise<WebhookDelivery[]> {
  return orm.em.fork({ clear: true }).find(
    WebhookDelivery,
    { status: 'PENDING', nextAttemptAt: { $lte: now } },
    { filters: false, orderBy: { nextAttemptAt: 'asc', createdAt: 'asc', id: 'asc' }, limit },
  );
}

/**
 * Claims one delivery as read: only when it is still PENDING with the `nextAttemptAt` that was read (nobody
 * claimed, attempted or rescheduled it since), it becomes due again only after the lease.
 */
export async function claimDelivery(orm: Orm, delivery: WebhookDelivery, leaseMs: number, now = new Date()): Promise<boolean> {
  const changed = await orm.em.fork({ clear: true }).nativeUpdate(
    WebhookDelivery,
    { id: delivery.id, status: 'PENDING', nextAttemptAt: delivery.nextAttemptAt },
    { nextAttemptAt: new Date(now.getTime() + leaseMs) },
    { filters: false },
  );
  return changed === 1;
}

/**
 * Unsealed signing secrets of one sender, by endpoint: unsealing derives a key with scrypt (tens of milliseconds
 * of CPU that block the process), which must not be paid for every attempt. Keyed by the sealed value as well,
 * so a changed secret is unsealed again; bounded, the oldest entry leaves first.
 */
export class EndpointSecrets {
  private readonly byEndpoint = new Map<string, { sealed: string; secret: string }>();

  constructor(private readonly max = 1000) {}

  async of(em: Em, endpoint: WebhookEndpoint): Promise<string> {
    const known = this.byEndpoint.get(endpoint.id);
    if (known && known.sealed === endpoint.signingSecretSealed) return known.secret;
    const secret = await endpointSigningSecret(em, endpoint);
    this.byEndpoint.delete(endpoint.id);
    if (this.byEndpoint.size >= this.max) this.byEndpoint.delete(this.byEndpoint.keys().next().value as string);
    this.byEndpoint.set(endpoint.id, { sealed: endpoint.signingSecretSealed, secret });
    return secret;
  }
}

/** A response body's first characters, without reading more of it than that. */
async function bodyPrefix(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < max) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, max).trim();
}

/**
 * Why a POST failed without a response. Duck-typed, not `instanceof`: fetch's errors may come from another
 * realm (a test runner's sandbox) than this module's `Error`.
 */
export function describeFailure(err: unknown, timeoutMs: number): string {
  const error = (err ?? {}) as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError') return `No response within ${timeoutMs} ms`;
  const reason = error.cause?.code ?? error.cause?.message ?? error.message ?? String(err);
  return `Request failed: ${reason}`.slice(0, MAX_ERROR_LENGTH);
}

/** One POST: redirects are not followed (a 3xx is a failure), the response body is not kept. */
export async function postWebhook(
  url: string, headers: Record<string, string>, body: string, timeoutMs: number,
): Promise<Omit<AttemptOutcome, 'startedAt'>> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const durationMs = elapsed();
    if (isSuccessCode(res.status)) {
      await res.body?.cancel().catch(() => undefined);
      return { responseCode: res.status, error: null, durationMs };
    }
    const detail = await bodyPrefix(res, MAX_ERROR_LENGTH).catch(() => '');
    const error = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${detail ? `: ${detail}` : ''}`;
    return { responseCode: res.status, error: error.slice(0, MAX_ERROR_LENGTH), durationMs };
  } catch (err) {
    return { responseCode: null, error: describeFailure(err, timeoutMs), durationMs: elapsed() };
  }
}

/** What became of a claimed delivery. */
export type AttemptResult = 'recorded' | 'endpoint-gone' | 'lost';

/**
 * Makes one attempt of a claimed delivery and records it. The record is conditional on the attempt count that
 * was claimed: a delivery deleted with its endpoint meanwhile is not written back.
 */
export async function attemptDelivery(
  orm: Orm, delivery: WebhookDelivery, config: WebhookDeliveryConfig, secrets = new EndpointSecrets(),
): Promise<AttemptResult> {
  const em = orm.em.fork({ clear: true });
  const endpoint = await em.findOne(
    WebhookEndpoint,
    { id: delivery.endpointId, accountId: delivery.accountId },
    { filters: false, populate: ['signingSecretSealed'] },
  );
  // deleting an endpoint deletes its deliveries: there is nothing to send or to record
  if (!endpoint) return 'endpoint-gone';
  const secret = await secrets.of(em, endpoint);
  const body = webhookBodyText(delivery.payload);
  const startedAt = new Date();
  const headers = webhookHeaders(delivery, secret, Math.floor(startedAt.getTime() / 1000), body);
  const outcome = await postWebhook(endpoint.url, headers, body, config.timeoutMs);
  const now = new Date();
  const next = deliveryAfterAttempt(delivery, { ...outcome, startedAt }, config, now);
  const changed = await em.nativeUpdate(
    WebhookDelivery,
    { id: delivery.id, status: 'PENDING', attempts: delivery.attempts },
    { ...next, updatedAt: now },
    { filters: false },
  );
  return changed === 1 ? 'recorded' : 'lost';
}
