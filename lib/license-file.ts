import { createDecipheriv, createHash, createPublicKey, verify, type KeyObject } from 'crypto';

/*
 * Offline license files (README "Offline license files"): an armored base64 JSON certificate
 * `{"enc","sig","alg"}` whose `sig` is Ed25519 over `license/<enc>`. The licenses subgraph issues them
 * (checkOutLicense); whoever installs one (the devices subgraph) verifies it here with the account's public key.
 */

export type LicenseFileAlgorithm = 'base64+ed25519' | 'aes-256-gcm+ed25519';

export interface LicenseFilePayload {
  meta: { issued: string; expiry: string | null; ttl: number | null };
  data: unknown;
  included?: unknown[];
}

export const LICENSE_FILE_HEADER = '-----BEGIN LICENSE FILE-----';
export const LICENSE_FILE_FOOTER = '-----END LICENSE FILE-----';
/** The prefix clients prepend before verifying; it keeps a license signature from passing as any other signed object. */
export const LICENSE_FILE_SIGNING_PREFIX = 'license/';
export const LICENSE_FILE_IV_BYTES = 12;
export const LICENSE_FILE_TAG_BYTES = 16;
const ALGORITHMS: ReadonlySet<string> = new Set<LicenseFileAlgorithm>(['base64+ed25519', 'aes-256-gcm+ed25519']);

export type LicenseFileErrorReason = 'MALFORMED' | 'BAD_SIGNATURE' | 'DECRYPTION_FAILED' | 'EXPIRED' | 'KEY_REQUIRED';

export class LicenseFileError extends Error {
  override readonly name = 'LicenseFileError';
  constructor(readonly reason: LicenseFileErrorReason, message: string) {
    super(message);
  }
}

/** The AES key is the SHA-256 of the license key, so only holders of the key can read the file. */
export function licenseFileAesKey(licenseKey: string): Buffer {
  return createHash('sha256').update(licenseKey, 'utf8').digest();
}

// ---- Verification: what a client runs offline, with node:crypto and the published public key only.

interface Certificate { enc: string; sig: string; alg: LicenseFileAlgorithm }

function malformed(message: string): LicenseFileError {
  return new LicenseFileError('MALFORMED', message);
}

function parseCertificate(certificate: string): Certificate {
  const text = certificate.trim();
  if (!text.startsWith(LICENSE_FILE_HEADER) || !text.endsWith(LICENSE_FILE_FOOTER)) throw malformed('The license file armor is missing');
  const body = text.slice(LICENSE_FILE_HEADER.length, text.length - LICENSE_FILE_FOOTER.length).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw malformed('The license file body is not base64');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64').toString('utf8'));
  } catch {
    throw malformed('The license file body is not JSON');
  }
  const { enc, sig, alg } = (parsed ?? {}) as Partial<Record<keyof Certificate, unknown>>;
  if (typeof enc !== 'string' || typeof sig !== 'string' || typeof alg !== 'string' || !ALGORITHMS.has(alg)) {
    throw malformed('The license file certificate is incomplete or uses an unknown algorithm');
  }
  return { enc, sig, alg: alg as LicenseFileAlgorithm };
}

function signatureIsValid(cert: Certificate, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(LICENSE_FILE_SIGNING_PREFIX + cert.enc, 'utf8'), publicKey, Buffer.from(cert.sig, 'base64'));
  } catch {
    return false;
  }
}

function decrypt(enc: string, licenseKey: string | undefined): string {
  if (licenseKey === undefined) {
    throw new LicenseFileError('KEY_REQUIRED', 'The license file is encrypted: a license key is required');
  }
  const parts = enc.split('.');
  if (parts.length !== 3) throw malformed('The encrypted license data is malformed');
  const [ciphertext, iv, tag] = parts.map((part) => Buffer.from(part, 'base64'));
  if (iv.length !== LICENSE_FILE_IV_BYTES || tag.length !== LICENSE_FILE_TAG_BYTES) throw malformed('The encrypted license data is malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', licenseFileAesKey(licenseKey), iv, { authTagLength: LICENSE_FILE_TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new LicenseFileError('DECRYPTION_FAILED', 'The license file could not be decrypted with this license key');
  }
}

function parsePayload(json: string): LicenseFilePayload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw malformed('The license payload is not JSON');
  }
  const payload = (parsed ?? {}) as Partial<LicenseFilePayload>;
  const meta = (payload.meta ?? {}) as Partial<LicenseFilePayload['meta']>;
  const validMeta = typeof meta.issued === 'string'
    && (meta.expiry === null || typeof meta.expiry === 'string')
    && (meta.ttl === null || typeof meta.ttl === 'number');
  if (!validMeta || !('data' in payload) || (payload.included !== undefined && !Array.isArray(payload.included))) {
    throw malformed('The license payload lacks meta or data');
  }
  return payload as LicenseFilePayload;
}

export function verifyLicenseFile(
  certificate: string,
  publicKeyDerBase64: string,
  opts: { licenseKey?: string; now?: Date } = {},
): LicenseFilePayload {
  const cert = parseCertificate(certificate);
  const publicKey = createPublicKey({ key: Buffer.from(publicKeyDerBase64, 'base64'), format: 'der', type: 'spki' });
  // Verify before decrypting: nothing unauthenticated reaches the decipher or JSON parser.
  if (!signatureIsValid(cert, publicKey)) throw new LicenseFileError('BAD_SIGNATURE', 'The license file signature is invalid');
  const json = cert.alg === 'base64+ed25519'
    ? Buffer.from(cert.enc, 'base64').toString('utf8')
    : decrypt(cert.enc, opts.licenseKey);
  const payload = parsePayload(json);
  if (payload.meta.expiry !== null) {
    const expiry = Date.parse(payload.meta.expiry);
    if (Number.isNaN(expiry)) throw malformed('The license file expiry is not a date');
    if (expiry < (opts.now ?? new Date()).getTime()) throw new LicenseFileError('EXPIRED', 'The license file has expired');
  }
  return payload;
}
