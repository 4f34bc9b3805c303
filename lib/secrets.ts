import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/**
 * Secrets at rest (ARCHITECTURE.md, "Auth, tenancy, limits"): signing keys, webhook signing secrets, device
 * call-home passwords and Smart Licensing ID tokens are stored sealed with AES-256-GCM under a key derived from
 * `SIGNING_KEY_SECRET`.
 */

/**
 * The secret that seals every secret at rest. Development falls back to a fixed value; production refuses to
 * start without SIGNING_KEY_SECRET (lib/auth/config.ts and the README's configuration).
 */
export function secretsKey(): string {
  return process.env.SIGNING_KEY_SECRET ?? 'development-signing-key-secret';
}

/** The version prefix lets the KDF or cipher change later while old sealed values stay readable. */
const SEAL_VERSION = 'v1';
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

function deriveKey(secret: string, salt: Buffer): Buffer {
  // scrypt's default cost (N=16384, r=8, p=1): a leaked database is slow to brute-force per value.
  return scryptSync(secret, salt, KEY_BYTES);
}

/** Encrypts `plain` under `secret` as `v1.<salt>.<iv>.<tag>.<ciphertext>` (base64url parts). */
export function sealSecret(plain: string, secret: string): string {
  if (secret.length === 0) throw new Error('The sealing secret must not be empty');
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, salt), iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [salt, iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return [SEAL_VERSION, ...parts].join('.');
}

/** Reverses `sealSecret`; a wrong secret or any altered byte fails the GCM tag check and throws. */
export function openSecret(sealed: string, secret: string): string {
  const [version, ...encoded] = sealed.split('.');
  if (version !== SEAL_VERSION || encoded.length !== 4) {
    throw new Error('The sealed secret is malformed');
  }
  const [salt, iv, tag, ciphertext] = encoded.map((part) => Buffer.from(part, 'base64url'));
  if (salt.length !== SALT_BYTES || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new Error('The sealed secret is malformed');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(secret, salt), iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // Do not say whether the secret or the data is at fault: both look the same to GCM.
    throw new Error('The sealed secret could not be opened (wrong secret or tampered data)');
  }
}
