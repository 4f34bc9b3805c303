import { createCipheriv, createDecipheriv, generateKeyPairSync, randomBytes, scryptSync } from 'crypto';

/** An account's license-signing key pair: the public half is published, the private half sealed at rest. */
export interface SigningKeyPair {
  /** Base64 of the SubjectPublicKeyInfo DER, the form clients embed to verify license files offline. */
  publicKeyDer: string;
  /** PKCS#8 PEM; never stored unsealed. */
  privateKeyPem: string;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyDer: publicKey.toString('base64'), privateKeyPem: privateKey };
}

/** The version prefix lets the KDF or cipher change later while old sealed keys stay readable. */
const SEAL_VERSION = 'v1';
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

function deriveKey(secret: string, salt: Buffer): Buffer {
  // scrypt's default cost (N=16384, r=8, p=1): a leaked database is slow to brute-force per key.
  return scryptSync(secret, salt, KEY_BYTES);
}

/** Encrypts a private key PEM under `secret` as `v1.<salt>.<iv>.<tag>.<ciphertext>` (base64url parts). */
export function sealPrivateKey(pem: string, secret: string): string {
  if (secret.length === 0) throw new Error('The sealing secret must not be empty');
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, salt), iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  const parts = [salt, iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return [SEAL_VERSION, ...parts].join('.');
}

/** Reverses `sealPrivateKey`; a wrong secret or any altered byte fails the GCM tag check and throws. */
export function openPrivateKey(sealed: string, secret: string): string {
  const [version, ...encoded] = sealed.split('.');
  if (version !== SEAL_VERSION || encoded.length !== 4) {
    throw new Error('The sealed private key is malformed');
  }
  const [salt, iv, tag, ciphertext] = encoded.map((part) => Buffer.from(part, 'base64url'));
  if (salt.length !== SALT_BYTES || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new Error('The sealed private key is malformed');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(secret, salt), iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // Do not say whether the secret or the data is at fault: both look the same to GCM.
    throw new Error('The sealed private key could not be opened (wrong secret or tampered data)');
  }
}
