import type { WebhookDeliveryAttempt } from '../entities/WebhookDelivery';
import {
  MAX_ATTEMPT_HISTORY, backoffDelayMs, claimLeaseMs, deliveryAfterAttempt, isSuccessCode, webhookBodyText,
  webhookDeliveryConfig, webhookHeaders, webhookSignature,
} from './webhook-delivery';

const BODY = '{"event":"license.updated","data":{"id":"l-1"},"triggeredAt":"2024-05-01T10:00:00.000Z"}';
// printf '%s' "1714557600.$BODY" | openssl dgst -sha256 -hmac whsec_test
const EXPECTED_SIGNATURE = 'ff534a5d658e16cd7d29cd6df9b46cc019592a3f64c1f2f99cedc45e5c5174f7';

describe('webhookDeliveryConfig', () => {
  it('has the documented defaults', () => {
    expect(webhookDeliveryConfig({})).toEqual({
      pollMs: 1000, batchSize: 20, concurrency: 10, timeoutMs: 10_000, maxAttempts: 8, backoffBaseMs: 30_000, backoffMaxMs: 3_600_000,
    });
  });

  it('reads WEBHOOK_* variables and refuses a malformed one', () => {
    const env = { WEBHOOK_POLL_MS: '50', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_BACKOFF_BASE_MS: '50', WEBHOOK_TIMEOUT_MS: '2000' };
    expect(webhookDeliveryConfig(env)).toMatchObject({ pollMs: 50, maxAttempts: 3, backoffBaseMs: 50, timeoutMs: 2000 });
    expect(() => webhookDeliveryConfig({ WEBHOOK_MAX_ATTEMPTS: 'many' })).toThrow('WEBHOOK_MAX_ATTEMPTS must be a non-negative integer');
  });

  it('leases a claimed delivery for the timeout plus 5 seconds', () => {
    expect(claimLeaseMs({ timeoutMs: 10_000 })).toBe(15_000);
  });
});

describe('webhookSignature and webhookHeaders', () => {
  it('signs `${t}.${body}` with HMAC-SHA256 keyed by the secret string', () => {
    expect(webhookSignature('whsec_test', 1714557600, BODY)).toBe(EXPECTED_SIGNATURE);
    expect(webhookSignature('whsec_test', 1714557601, BODY)).not.toBe(EXPECTED_SIGNATURE);
    expect(webhookSignature('whsec_other', 1714557600, BODY)).not.toBe(EXPECTED_SIGNATURE);
  });

  it('serializes the body as event, data, triggeredAt in that order', () => {
    const text = webhookBodyText({ triggeredAt: '2024-05-01T10:00:00.000Z', data: { id: 'l-1' }, event: 'license.updated' });
    expect(text).toBe(BODY);
  });

  it('sends every header of an attempt', () => {
    const delivery = { id: 'd-1', event: 'license.updated', eventId: 'e-1' };
    expect(webhookHeaders(delivery, 'whsec_test', 1714557600, BODY)).toEqual({
      'Content-Type': 'application/json',
      'User-Agent': 'licensing-webhooks/1',
      'Licensing-Event': 'license.updated',
      'Licensing-Event-Id': 'e-1',
      'Licensing-Delivery-Id': 'd-1',
      'Licensing-Timestamp': '1714557600',
      'Licensing-Signature': `t=1714557600,v1=${EXPECTED_SIGNATURE}`,
    });
  });
});

describe('backoffDelayMs', () => {
  const config = { backoffBaseMs: 30_000, backoffMaxMs: 3_600_000 };

  it('doubles from the base after each failed attempt', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n, config))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000,
    ]);
  });

  it('never waits longer than the maximum', () => {
    expect(backoffDelayMs(8, config)).toBe(3_600_000);
    expect(backoffDelayMs(60, config)).toBe(3_600_000);
  });
});

describe('isSuccessCode', () => {
  it('is true for 2xx only', () => {
    expect([200, 201, 204, 299].map(isSuccessCode)).toEqual([true, true, true, true]);
    expect([null, 199, 301, 302, 400, 500].map(isSuccessCode)).toEqual([false, false, false, false, false, false]);
  });
});

describe('deliveryAfterAttempt', () => {
  const config = { maxAttempts: 3, backoffBaseMs: 50, backoffMaxMs: 1000 };
  const startedAt = new Date('2024-05-01T10:00:00.000Z');
  const now = new Date('2024-05-01T10:00:00.120Z');
  const fresh = { attempts: 0, attemptHistory: [] as WebhookDeliveryAttempt[] };

  it('is DELIVERED after a 2xx, with nothing scheduled', () => {
    const next = deliveryAfterAttempt(fresh, { startedAt, durationMs: 120, responseCode: 204, error: null }, config, now);
    expect(next).toEqual({
      status: 'DELIVERED', attempts: 1, nextAttemptAt: null, lastAttemptAt: startedAt, lastResponseCode: 204, lastError: null,
      durationMs: 120,
      attemptHistory: [{ number: 1, at: '2024-05-01T10:00:00.000Z', durationMs: 120, responseCode: 204, error: null, succeeded: true }],
    });
  });

  it('is PENDING after a failure below the maximum, due after the backoff', () => {
    const first = deliveryAfterAttempt(fresh, { startedAt, durationMs: 7, responseCode: 500, error: 'HTTP 500 Internal Server Error' }, config, now);
    expect(first).toMatchObject({ status: 'PENDING', attempts: 1, nextAttemptAt: new Date('2024-05-01T10:00:00.170Z'), lastResponseCode: 500 });
    const second = deliveryAfterAttempt(first, { startedAt, durationMs: 3, responseCode: null, error: 'Request failed: ECONNREFUSED' }, config, now);
    expect(second).toMatchObject({
      status: 'PENDING', attempts: 2, nextAttemptAt: new Date('2024-05-01T10:00:00.220Z'), lastResponseCode: null, lastError: 'Request failed: ECONNREFUSED',
    });
    expect(second.attemptHistory.map((a) => [a.number, a.responseCode, a.succeeded])).toEqual([[1, 500, false], [2, null, false]]);
  });

  it('is FAILED once the maximum is reached, and again after each further (manual) attempt', () => {
    const before = { attempts: 2, attemptHistory: [] };
    const failed = deliveryAfterAttempt(before, { startedAt, durationMs: 1, responseCode: 503, error: null }, config, now);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 3, nextAttemptAt: null, lastError: 'HTTP 503' });
    expect(deliveryAfterAttempt(failed, { startedAt, durationMs: 1, responseCode: 503, error: null }, config, now))
      .toMatchObject({ status: 'FAILED', attempts: 4, nextAttemptAt: null });
    expect(deliveryAfterAttempt(failed, { startedAt, durationMs: 1, responseCode: 200, error: null }, config, now))
      .toMatchObject({ status: 'DELIVERED', attempts: 4, nextAttemptAt: null, lastError: null });
  });

  it('counts a redirect as a failure', () => {
    expect(deliveryAfterAttempt(fresh, { startedAt, durationMs: 1, responseCode: 302, error: 'HTTP 302 Found' }, config, now))
      .toMatchObject({ status: 'PENDING', lastError: 'HTTP 302 Found' });
  });

  it('keeps the last 50 attempts and at most 200 characters of an error', () => {
    const history = Array.from({ length: MAX_ATTEMPT_HISTORY }, (_, i) => ({
      number: i + 1, at: startedAt.toISOString(), durationMs: 1, responseCode: 500, error: 'HTTP 500', succeeded: false,
    }));
    const next = deliveryAfterAttempt({ attempts: 50, attemptHistory: history }, { startedAt, durationMs: 1, responseCode: 500, error: 'x'.repeat(300) }, { ...config, maxAttempts: 100 }, now);
    expect(next.attemptHistory).toHaveLength(50);
    expect([next.attemptHistory[0].number, next.attemptHistory[49].number]).toEqual([2, 51]);
    expect(next.lastError).toHaveLength(200);
    expect(next.attemptHistory[49].error).toHaveLength(200);
  });
});
