import { createPublicKey, sign, verify } from 'crypto';
import { generateSigningKeyPair } from './signing-keys';

describe('generateSigningKeyPair', () => {
  it('produces an Ed25519 pair whose halves match', () => {
    const pair = generateSigningKeyPair();
    const publicKey = createPublicKey({ key: Buffer.from(pair.publicKeyDer, 'base64'), format: 'der', type: 'spki' });
    expect(publicKey.asymmetricKeyType).toBe('ed25519');
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const message = Buffer.from('hello');
    expect(verify(null, message, publicKey, sign(null, message, pair.privateKeyPem))).toBe(true);
  });

  it('produces a fresh pair each time', () => {
    const a = generateSigningKeyPair();
    const b = generateSigningKeyPair();
    expect(a.publicKeyDer).not.toBe(b.publicKeyDer);
    expect(a.privateKeyPem).not.toBe(b.privateKeyPem);
  });
});
