/**
 * The rules of webhook delivery, as plain functions (ARCHITECTURE.md, "Webhooks"): the configuration, the
 * signature and headers of a POST, the retry schedule and the state a delivery is in after an attempt. The
 * worker that applies them is `webhook-sender.ts`; docs/webhooks.md describes them for receivers.
 */
import { createHmac } from 'node:crypto';
import { envInt } from '../../../lib/config';
import type { WebhookBody, WebhookDelivery, WebhookDeliveryAttempt } from '../entities/WebhookDelivery';

export interface WebhookDeliveryConfig {
  /** How often the sender looks for due deliveries when nothing wakes it. */
  pollMs: number;
  /** Deliveries claimed per round. */
  batchSize: number;
  /** POSTs in flight at once, per process. */
  concurrency: number;
  /** Time allowed for one POST, up to its response headers. */
  timeoutMs: number;
  /** Attempts after which a delivery is FAILED (a manual retry adds one more each time). */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

/** The configuration from WEBHOOK_* environment variables, read when a worker starts. */
export function webhookDeliveryConfig(env: NodeJS.ProcessEnv = process.env): WebhookDeliveryConfig {
  return {
    // at least 10 ms: 0 would query without a pause
    pollMs: Math.max(10, envInt('WEBHOOK_POLL_MS', 1000, env)),
    batchSize: Math.max(1, envInt('WEBHOOK_BATCH_SIZE', 20, env)),
    concurrency: Math.max(1, envInt('WEBHOOK_CONCURRENCY', 10, env)),
    timeoutMs: Math.max(1, envInt('WEBHOOK_TIMEOUT_MS', 10_000, env)),
    maxAttempts: Math.max(1, envInt('WEBHOOK_MAX_ATTEMPTS', 8, env)),
    backoffBaseMs: envInt('WEBHOOK_BACKOFF_BASE_MS', 30_000, env),
    backoffMaxMs: envInt('WEBHOOK_BACKOFF_MAX_MS', 3_600_000, env),
  };
}

/**
 * How long a claimed delivery stays invisible to other senders: the POST's timeout plus a margin for the
 * database round trips around it. A sender that dies mid-attempt leaves the delivery due again after it.
 */
export function claimLeaseMs(config: Pick<WebhookDeliveryConfig, 'timeoutMs'>): number {
  return config.timeoutMs + 5_000;
}

/** Attempts kept in a delivery's history: the most recent ones. */
export const MAX_ATTEMPT_HISTORY = 50;
/** Characters of a failure's explanation kept in `error` (never a whole response body). */
export const MAX_ERROR_LENGTH = 200;

/** The JSON bytes that are POSTed and signed: always `{ event, data, triggeredAt }` in this order. */
export function webhookBodyText(payload: WebhookBody): string {
  return JSON.stringify({ event: payload.event, data: payload.data, triggeredAt: payload.triggeredAt });
}

/** Hex HMAC-SHA256 of `${timestamp}.${body}`, keyed with the endpoint's secret string (UTF-8). */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The headers of one attempt; `timestamp` is in Unix seconds. */
export function webhookHeaders(
  delivery: Pick<WebhookDelivery, 'id' | 'event' | 'eventId'>, secret: string, timestamp: number, body: string,
): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'licensing-webhooks/1',
    'Licensing-Event': delivery.event,
    'Licensing-Event-Id': delivery.eventId,
    'Licensing-Delivery-Id': delivery.id,
    'Licensing-Timestamp': String(timestamp),
    'Licensing-Signature': `t=${timestamp},v1=${webhookSignature(secret, timestamp, body)}`,
  };
}

/** Wait after the `attempts`-th failed attempt: base × 2^(attempts − 1), at most the maximum. */
export function backoffDelayMs(attempts: number, config: Pick<WebhookDeliveryConfig, 'backoffBaseMs' | 'backoffMaxMs'>): number {
  const delay = config.backoffBaseMs * 2 ** Math.max(0, attempts - 1);
  return Math.min(config.backoffMaxMs, delay);
}

/** What happened in one attempt. */
export interface AttemptOutcome {
  startedAt: Date;
  durationMs: number;
  /** The HTTP status answered; null when none was. */
  responseCode: number | null;
  /** Why it failed (null when it succeeded); cut to MAX_ERROR_LENGTH. */
  error: string | null;
}

export function isSuccessCode(code: number | null): boolean {
  return code !== null && code >= 200 && code <= 299;
}

/** The columns of a delivery after an attempt. */
export type DeliveryAfterAttempt = Pick<WebhookDelivery,
  'status' | 'attempts' | 'nextAttemptAt' | 'lastAttemptAt' | 'lastResponseCode' | 'lastError' | 'durationMs' | 'attemptHistory'>;

/**
 * The state after an attempt: DELIVERED on a 2xx; otherwise FAILED once `maxAttempts` attempts have been made
 * (so a manual retry of a FAILED delivery gets exactly one attempt), else PENDING after the backoff delay.
 */
export function deliveryAfterAttempt(
  before: Pick<WebhookDelivery, 'attempts' | 'attemptHistory'>,
  outcome: AttemptOutcome,
  config: Pick<WebhookDeliveryConfig, 'maxAttempts' | 'backoffBaseMs' | 'backoffMaxMs'>,
  now: Date,
): DeliveryAfterAttempt {
  const attempts = before.attempts + 1;
  const succeeded = isSuccessCode(outcome.responseCode);
  const error = succeeded ? null : (outcome.error ?? `HTTP ${outcome.responseCode}`).slice(0, MAX_ERROR_LENGTH);
  const attempt: WebhookDeliveryAttempt = {
    number: attempts, at: outcome.startedAt.toISOString(), durationMs: outcome.durationMs,
    responseCode: outcome.responseCode, error, succeeded,
  };
  const status = succeeded ? 'DELIVERED' : attempts >= config.maxAttempts ? 'FAILED' : 'PENDING';
  return {
    status,
    attempts,
    nextAttemptAt: status === 'PENDING' ? new Date(now.getTime() + backoffDelayMs(attempts, config)) : null,
    lastAttemptAt: outcome.startedAt,
    lastResponseCode: outcome.responseCode,
    lastError: error,
    durationMs: outcome.durationMs,
    attemptHistory: [...before.attemptHistory, attempt].slice(-MAX_ATTEMPT_HISTORY),
  };
}
