import { createCipheriv, createPrivateKey, randomBytes, sign, type KeyObject } from 'crypto';
import { BadUserInputError } from '../../../lib/errors';
import {
  LICENSE_FILE_FOOTER as FOOTER, LICENSE_FILE_HEADER as HEADER, LICENSE_FILE_IV_BYTES as IV_BYTES,
  LICENSE_FILE_SIGNING_PREFIX as SIGNING_PREFIX, LICENSE_FILE_TAG_BYTES as TAG_BYTES, licenseFileAesKey,
  type LicenseFileAlgorithm, type LicenseFilePayload,
} from '../../../lib/license-file';

export {
  LicenseFileError, verifyLicenseFile, type LicenseFileAlgorithm, type LicenseFileErrorReason, type LicenseFilePayload,
} from '../../../lib/license-file';

/*
 * Offline license files in the format existing licensing clients verify: an armored base64 JSON
 * certificate `{"enc","sig","alg"}` whose `sig` is Ed25519 over `license/<enc>`.
 */

export interface IssuedLicenseFile {
  certificate: string;
  algorithm: LicenseFileAlgorithm;
  issued: Date;
  expiry: Date | null;
  ttl: number | null;
}

export const MIN_TTL_SECONDS = 3600;
/** Ten average Gregorian years (365.2425 days each). */
export const MAX_TTL_SECONDS = 31_556_952 * 10;

const LINE_WIDTH = 76;

function validateTtl(ttl: number | null | undefined): number | null {
  if (ttl === null || ttl === undefined) return null;
  if (!Number.isInteger(ttl) || ttl < MIN_TTL_SECONDS || ttl > MAX_TTL_SECONDS) {
    throw new BadUserInputError(
      `ttl must be a whole number of seconds between ${MIN_TTL_SECONDS} and ${MAX_TTL_SECONDS}`,
      ['ttl'],
    );
  }
  return ttl;
}

function encrypt(plaintext: string, licenseKey: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', licenseFileAesKey(licenseKey), iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [ciphertext, iv, cipher.getAuthTag()].map((part) => part.toString('base64')).join('.');
}

function armor(json: string): string {
  const lines = Buffer.from(json, 'utf8').toString('base64').match(new RegExp(`.{1,${LINE_WIDTH}}`, 'g')) ?? [];
  return `${HEADER}\n${lines.join('\n')}\n${FOOTER}\n`;
}

function loadSigningKey(privateKeyPem: string): KeyObject {
  const key = createPrivateKey(privateKeyPem);
  // sign(null, ...) would happily produce an RSA/ECDSA signature that no client accepts.
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('License files must be signed with an Ed25519 key');
  return key;
}

export function issueLicenseFile(args: {
  data: unknown;
  included?: unknown[];
  ttlSeconds?: number | null;
  encryptWithKey?: string | null;
  privateKeyPem: string;
  now?: Date;
}): IssuedLicenseFile {
  const ttl = validateTtl(args.ttlSeconds);
  const encryptWithKey = args.encryptWithKey ?? null;
  if (encryptWithKey === '') throw new BadUserInputError('An encrypted license file needs a license key', ['encrypt']);
  const issued = new Date((args.now ?? new Date()).getTime());
  const expiry = ttl === null ? null : new Date(issued.getTime() + ttl * 1000);
  const payload: LicenseFilePayload = {
    meta: { issued: issued.toISOString(), expiry: expiry?.toISOString() ?? null, ttl },
    // JSON.stringify drops undefined properties; clients expect `data` to be present.
    data: args.data ?? null,
    ...(args.included ? { included: args.included } : {}),
  };
  const json = JSON.stringify(payload);
  const algorithm: LicenseFileAlgorithm = encryptWithKey === null ? 'base64+ed25519' : 'aes-256-gcm+ed25519';
  const enc = encryptWithKey === null ? Buffer.from(json, 'utf8').toString('base64') : encrypt(json, encryptWithKey);
  const sig = sign(null, Buffer.from(SIGNING_PREFIX + enc, 'utf8'), loadSigningKey(args.privateKeyPem)).toString('base64');
  // Property order enc, sig, alg as in the reference format.
  const certificate = armor(JSON.stringify({ enc, sig, alg: algorithm }));
  return { certificate, algorithm, issued, expiry, ttl };
}
