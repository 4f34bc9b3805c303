import { generateKeyPairSync } from 'crypto';

/** An account's license-signing key pair: the public half is published, the private half sealed at rest (lib/secrets.ts). */
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
