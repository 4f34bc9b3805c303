import { createPublicKey, sign, verify } from 'crypto';
import { generateSigningKeyPair, openPrivateKey, sealPrivateKey } from './signing-keys';

const SECRET = 'a-long-test-secret-for-sealing';

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

describe('sealPrivateKey / openPrivateKey', () => {
  const { privateKeyPem } = generateSigningKeyPair();

  it('round-trips and hides the key', () => {
    const sealed = sealPrivateKey(privateKeyPem, SECRET);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(sealed.split('.')).toHaveLength(5);
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).toMatch(/^v1(\.[A-Za-z0-9_-]+){4}$/);
    expect(openPrivateKey(sealed, SECRET)).toBe(privateKeyPem);
  });

  it('uses a random salt and IV, so sealing twice differs', () => {
    const a = sealPrivateKey(privateKeyPem, SECRET);
    const b = sealPrivateKey(privateKeyPem, SECRET);
    expect(a).not.toBe(b);
    expect(openPrivateKey(b, SECRET)).toBe(privateKeyPem);
  });

  it('fails with a wrong secret', () => {
    const sealed = sealPrivateKey(privateKeyPem, SECRET);
    expect(() => openPrivateKey(sealed, `${SECRET}x`)).toThrow(Error);
  });

  it.each([1, 2, 3, 4])('fails when part %i is tampered with', (index) => {
    const parts = sealPrivateKey(privateKeyPem, SECRET).split('.');
    const part = parts[index];
    const flipped = part[0] === 'A' ? 'B' : 'A';
    parts[index] = flipped + part.slice(1);
    expect(() => openPrivateKey(parts.join('.'), SECRET)).toThrow(Error);
  });

  it.each(['', 'v1', 'v2.a.b.c.d', 'v1.a.b.c', 'not-sealed-at-all'])('rejects the malformed string %p', (sealed) => {
    expect(() => openPrivateKey(sealed, SECRET)).toThrow(/malformed/);
  });

  it('refuses an empty secret', () => {
    expect(() => sealPrivateKey(privateKeyPem, '')).toThrow(Error);
  });
});
