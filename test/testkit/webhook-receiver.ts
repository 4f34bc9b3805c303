/**
 * A real HTTP server on a free local port that receives webhooks: it records every request (raw body bytes and
 * headers) and answers each path with the statuses it is told, so tests can assert what was sent, and how often.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as received. */
  body: string;
  /** The body parsed. */
  json: { event: string; data: Record<string, unknown> & { id?: string }; triggeredAt: string };
}

export interface WebhookReceiver {
  /** The URL of `path` on this receiver. */
  url(path: string): string;
  /**
   * Answers requests to `path` with these statuses in turn, repeating the last (200 when never told); 0 never
   * answers (the request hangs until the sender gives up or the receiver closes).
   */
  respond(path: string, statuses: number[]): void;
  /** The requests received on `path` (all of them without a path), oldest first. */
  received(path?: string): ReceivedWebhook[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  const plans = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ path, headers: req.headers, body, json: JSON.parse(body) });
      const plan = plans.get(path) ?? [200];
      const status = plan.length > 1 ? plan.shift()! : plan[0];
      if (status === 0) return;
      res.writeHead(status, status >= 300 && status < 400 ? { location: `${path}/moved` } : {});
      res.end(status >= 200 && status < 300 ? 'ok' : `refused by the test receiver (${status})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    respond: (path, statuses) => { plans.set(path, [...statuses]); },
    received: (path) => requests.filter((r) => path === undefined || r.path === path),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * The receiver's side of docs/webhooks.md, written independently of the sender: whether `Licensing-Signature`
 * is `t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with the timestamp of
 * `Licensing-Timestamp`, and that timestamp within `toleranceSeconds` of now.
 */
export function verifySignature(request: ReceivedWebhook, secret: string, toleranceSeconds = 300): boolean {
  const header = String(request.headers['licensing-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || String(timestamp) !== request.headers['licensing-timestamp']) return false;
  if (Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${request.body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
