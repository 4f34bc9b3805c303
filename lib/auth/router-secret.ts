import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header a router adds to every subgraph request (plain router configuration: see README). */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

/** Constant-time comparison (of digests, so the lengths leak nothing either). */
export function hasGatewaySecret(headers: IncomingHttpHeaders, secret: string): boolean {
  const given = headers[GATEWAY_SECRET_HEADER];
  if (typeof given !== 'string' || !secret) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}
