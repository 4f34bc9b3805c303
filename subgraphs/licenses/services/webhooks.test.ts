import { badUserInputFrom } from '../../../test/testkit/errors';
import {
  MAX_WEBHOOK_URL_LENGTH, WEBHOOK_EVENT_TYPES, newSigningSecret, validateWebhookEvents, validateWebhookUrl, webhookBody,
} from './webhooks';

describe('validateWebhookUrl', () => {
  it('accepts absolute http and https URLs as given', () => {
    expect(validateWebhookUrl('https://example.com/hooks?x=1')).toBe('https://example.com/hooks?x=1');
    expect(validateWebhookUrl('http://127.0.0.1:8080/h')).toBe('http://127.0.0.1:8080/h');
  });

  it('accepts exactly 2048 characters and refuses 2049', () => {
    const base = 'https://example.com/';
    const at = (n: number) => base + 'a'.repeat(n - base.length);
    expect(validateWebhookUrl(at(MAX_WEBHOOK_URL_LENGTH))).toHaveLength(2048);
    const err = badUserInputFrom(() => validateWebhookUrl(at(MAX_WEBHOOK_URL_LENGTH + 1)));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['url'] });
  });

  it.each([
    ['a relative path', '/hooks'],
    ['no scheme', 'example.com/hooks'],
    ['another scheme', 'ftp://example.com/hooks'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['surrounding blanks', ' https://example.com/hooks'],
    ['an empty string', ''],
  ])('refuses %s at path [url]', (_, url) => {
    expect(badUserInputFrom(() => validateWebhookUrl(url)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['url'] });
  });
});

describe('validateWebhookEvents', () => {
  it('accepts known types and wildcards, without duplicates, in order', () => {
    expect(validateWebhookEvents(['license.updated', 'machine.*', '*', 'license.usage.*', 'license.updated']))
      .toEqual(['license.updated', 'machine.*', '*', 'license.usage.*']);
  });

  it('knows every license and machine event type', () => {
    expect(WEBHOOK_EVENT_TYPES).toEqual([
      'license.checked-in', 'license.checked-out', 'license.created', 'license.deleted', 'license.meter-attribute.incremented',
      'license.meter-attribute.reset', 'license.reinstated', 'license.renewed', 'license.revoked', 'license.suspended',
      'license.updated', 'license.usage.decremented', 'license.usage.incremented', 'license.usage.reset', 'license.validated',
      'machine.created', 'machine.deleted', 'machine.heartbeat.ping',
    ]);
    expect(validateWebhookEvents(WEBHOOK_EVENT_TYPES)).toEqual(WEBHOOK_EVENT_TYPES);
  });

  it('refuses an empty list at path [events]', () => {
    expect(badUserInputFrom(() => validateWebhookEvents([])).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['events'] });
  });

  it.each([
    ['an unknown type', 'license.exploded'],
    ['a wildcard of nothing known', 'device.*'],
    ['a partial-word wildcard', 'lic*'],
    ['a bare .*', '.*'],
    ['a wildcard in the middle', 'license.*.reset'],
    ['a double wildcard', '*.*'],
    ['an empty string', ''],
    ['a webhook management event', 'webhook-endpoint.created'],
  ])('refuses %s at path [events, i]', (_, pattern) => {
    const err = badUserInputFrom(() => validateWebhookEvents(['license.created', pattern]));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['events', 1] });
  });
});

describe('newSigningSecret', () => {
  it('is whsec_ and base64url of 32 random bytes, fresh each time', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64url')).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(secret);
  });
});

describe('webhookBody', () => {
  it('has the shape of seed 000: { event, data, triggeredAt }', () => {
    const occurredAt = new Date('2024-05-01T10:00:00.000Z');
    const body = webhookBody({ type: 'license.updated', payload: { data: { id: 'l-1', key: 'K' }, licenseId: 'x' }, occurredAt });
    expect(body).toEqual({ event: 'license.updated', data: { id: 'l-1', key: 'K' }, triggeredAt: '2024-05-01T10:00:00.000Z' });
  });
});
