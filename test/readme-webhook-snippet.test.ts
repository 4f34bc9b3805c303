/**
 * The README's webhook verification snippet is code people copy: it must accept what the sender signs and
 * refuse a changed body, a wrong secret and a stale timestamp.
 */
import fs from 'node:fs';
import path from 'node:path';
import { webhookHeaders } from '../subgraphs/licenses/services/webhook-delivery';

type Verify = (rawBody: string | Buffer, headers: Record<string, string>, secret: string, nowSeconds?: number) => boolean;

function readmeSnippet(): Verify {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const block = readme.match(/```js\n(const \{ createHmac, timingSafeEqual \}[\s\S]*?function verifyLicensingWebhook[\s\S]*?)```/);
  if (!block) throw new Error('README has no verifyLicensingWebhook snippet');
  // the snippet is plain CommonJS: evaluate it with require and take its function
  return new Function('require', `${block[1]}\nreturn verifyLicensingWebhook;`)(require) as Verify;
}

test('the README snippet verifies what the webhook sender signs, and nothing else', () => {
  const verify = readmeSnippet();
  const secret = 'whsec_c2VjcmV0LW9mLXRoZS1lbmRwb2ludC0wMTIzNDU2Nzg5';
  const body = JSON.stringify({ event: 'license.updated', data: { id: 'L' }, triggeredAt: '2026-11-23T10:00:00.000Z' });
  const now = 1_800_000_000;
  const raw = webhookHeaders({ id: 'D', event: 'license.updated', eventId: 'E' }, secret, now, body);
  const headers = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), String(v)]));
  expect(verify(body, headers, secret, now)).toBe(true);
  expect(verify(Buffer.from(body), headers, secret, now + 299)).toBe(true);
  expect(verify(body.replace('L', 'M'), headers, secret, now)).toBe(false);
  expect(verify(body, headers, `${secret}x`, now)).toBe(false);
  expect(verify(body, headers, secret, now + 301)).toBe(false);
  expect(verify(body, { ...headers, 'licensing-signature': '' }, secret, now)).toBe(false);
});
