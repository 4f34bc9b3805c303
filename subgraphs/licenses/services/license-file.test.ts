import * as crypto from 'node:crypto';
import { badUserInputFrom } from '../../../test/testkit/errors';
import { generateSigningKeyPair } from './signing-keys';
import { generateLicenseKey } from './license-key';
import {
  issueLicenseFile, LicenseFileError, MAX_TTL_SECONDS, MIN_TTL_SECONDS, verifyLicenseFile,
  type LicenseFileErrorReason,
} from './license-file';

const account = generateSigningKeyPair();
const otherAccount = generateSigningKeyPair();
const NOW = new Date('2024-05-01T12:00:00.000Z');
const LICENSE = { type: 'licenses', id: 'lic_123', attributes: { name: 'Pro', maxMachines: 3 } };

const HEADER = '-----BEGIN LICENSE FILE-----\n';
const FOOTER = '\n-----END LICENSE FILE-----\n';

function decodeCertificate(certificate: string): { enc: string; sig: string; alg: string } {
  const body = certificate.slice(HEADER.length, certificate.length - FOOTER.length).replace(/\n/g, '');
  return JSON.parse(Buffer.from(body, 'base64').toString('utf8'));
}

function encodeCertificate(cert: { enc: string; sig: string; alg: string }): string {
  const lines = Buffer.from(JSON.stringify(cert)).toString('base64').match(/.{1,76}/g) ?? [];
  return HEADER + lines.join('\n') + FOOTER;
}

function reasonOf(fn: () => unknown): LicenseFileErrorReason {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LicenseFileError);
    return (error as LicenseFileError).reason;
  }
  throw new Error('expected a LicenseFileError');
}

function issue(overrides: Partial<Parameters<typeof issueLicenseFile>[0]> = {}) {
  return issueLicenseFile({ data: LICENSE, privateKeyPem: account.privateKeyPem, now: NOW, ...overrides });
}

describe('issueLicenseFile + verifyLicenseFile', () => {
  it('round-trips a plain file', () => {
    const file = issue({ ttlSeconds: 86_400, included: [{ type: 'policies', id: 'pol_1' }] });
    expect(file.algorithm).toBe('base64+ed25519');
    expect(file.issued).toEqual(NOW);
    expect(file.expiry).toEqual(new Date('2024-05-02T12:00:00.000Z'));
    expect(file.ttl).toBe(86_400);
    const payload = verifyLicenseFile(file.certificate, account.publicKeyDer, { now: NOW });
    expect(payload).toEqual({
      meta: { issued: '2024-05-01T12:00:00.000Z', expiry: '2024-05-02T12:00:00.000Z', ttl: 86_400 },
      data: LICENSE,
      included: [{ type: 'policies', id: 'pol_1' }],
    });
    const cert = decodeCertificate(file.certificate);
    expect(Object.keys(cert)).toEqual(['enc', 'sig', 'alg']);
    expect(JSON.parse(Buffer.from(cert.enc, 'base64').toString('utf8'))).toEqual(payload);
  });

  it('omits expiry and ttl without a ttl', () => {
    const file = issue();
    expect(file.expiry).toBeNull();
    expect(file.ttl).toBeNull();
    const payload = verifyLicenseFile(file.certificate, account.publicKeyDer, { now: new Date('2100-01-01') });
    expect(payload.meta).toEqual({ issued: NOW.toISOString(), expiry: null, ttl: null });
    expect(payload).not.toHaveProperty('included');
  });

  it('round-trips an encrypted file with the license key', () => {
    const licenseKey = generateLicenseKey();
    const file = issue({ encryptWithKey: licenseKey, ttlSeconds: MIN_TTL_SECONDS });
    expect(file.algorithm).toBe('aes-256-gcm+ed25519');
    const cert = decodeCertificate(file.certificate);
    expect(cert.alg).toBe('aes-256-gcm+ed25519');
    expect(cert.enc.split('.')).toHaveLength(3);
    expect(Buffer.from(cert.enc.split('.')[0], 'base64').includes('lic_123')).toBe(false);
    const payload = verifyLicenseFile(file.certificate, account.publicKeyDer, { licenseKey, now: NOW });
    expect(payload.data).toEqual(LICENSE);
    expect(payload.meta.ttl).toBe(MIN_TTL_SECONDS);
  });

  it('is readable by a client verifier using only node:crypto and the public key', () => {
    const licenseKey = generateLicenseKey();
    const { certificate } = issue({ encryptWithKey: licenseKey, ttlSeconds: 86_400 });
    // An independent client: parse the armor, check the signature, then decrypt.
    const encoded = certificate
      .replace('-----BEGIN LICENSE FILE-----\n', '')
      .replace('-----END LICENSE FILE-----\n', '')
      .replace(/\n/g, '');
    const { enc, sig, alg } = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    expect(alg).toBe('aes-256-gcm+ed25519');
    const publicKey = crypto.createPublicKey({ key: Buffer.from(account.publicKeyDer, 'base64'), format: 'der', type: 'spki' });
    const ok = crypto.verify(null, Buffer.from('license/' + enc), publicKey, Buffer.from(sig, 'base64'));
    expect(ok).toBe(true);
    const [ciphertext, iv, tag] = enc.split('.').map((part: string) => Buffer.from(part, 'base64'));
    expect(iv).toHaveLength(12);
    expect(tag).toHaveLength(16);
    const key = crypto.createHash('sha256').update(licenseKey).digest();
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    const payload = JSON.parse(plaintext);
    expect(payload.data).toEqual(LICENSE);
    expect(payload.meta).toEqual({ issued: NOW.toISOString(), expiry: '2024-05-02T12:00:00.000Z', ttl: 86_400 });
  });

  it('wraps the base64 body at 76 characters', () => {
    const big = { ...LICENSE, attributes: { ...LICENSE.attributes, metadata: 'x'.repeat(2000) } };
    const { certificate } = issue({ data: big });
    expect(certificate.startsWith(HEADER)).toBe(true);
    expect(certificate.endsWith(FOOTER)).toBe(true);
    const lines = certificate.slice(HEADER.length, certificate.length - FOOTER.length).split('\n');
    expect(lines.length).toBeGreaterThan(10);
    lines.slice(0, -1).forEach((line) => expect(line).toHaveLength(76));
    expect(lines[lines.length - 1].length).toBeGreaterThan(0);
    expect(lines[lines.length - 1].length).toBeLessThanOrEqual(76);
    lines.forEach((line) => expect(line).toMatch(/^[A-Za-z0-9+/=]+$/));
  });
});

describe('verifyLicenseFile failures', () => {
  function flipEnc(certificate: string): string {
    const cert = decodeCertificate(certificate);
    const i = 10;
    const flipped = cert.enc[i] === 'A' ? 'B' : 'A';
    return encodeCertificate({ ...cert, enc: cert.enc.slice(0, i) + flipped + cert.enc.slice(i + 1) });
  }

  it('rejects a tampered plain file', () => {
    const tampered = flipEnc(issue().certificate);
    expect(reasonOf(() => verifyLicenseFile(tampered, account.publicKeyDer))).toBe('BAD_SIGNATURE');
  });

  it('checks the signature before decrypting', () => {
    const licenseKey = generateLicenseKey();
    const tampered = flipEnc(issue({ encryptWithKey: licenseKey }).certificate);
    expect(reasonOf(() => verifyLicenseFile(tampered, account.publicKeyDer, { licenseKey }))).toBe('BAD_SIGNATURE');
    expect(reasonOf(() => verifyLicenseFile(tampered, account.publicKeyDer))).toBe('BAD_SIGNATURE');
  });

  it('rejects a file signed by another account', () => {
    const foreign = issueLicenseFile({ data: LICENSE, privateKeyPem: otherAccount.privateKeyPem });
    expect(reasonOf(() => verifyLicenseFile(foreign.certificate, account.publicKeyDer))).toBe('BAD_SIGNATURE');
  });

  it('fails to decrypt with a wrong license key', () => {
    const { certificate } = issue({ encryptWithKey: generateLicenseKey() });
    const licenseKey = generateLicenseKey();
    expect(reasonOf(() => verifyLicenseFile(certificate, account.publicKeyDer, { licenseKey }))).toBe('DECRYPTION_FAILED');
  });

  it('requires the license key for an encrypted file', () => {
    const { certificate } = issue({ encryptWithKey: generateLicenseKey() });
    expect(reasonOf(() => verifyLicenseFile(certificate, account.publicKeyDer))).toBe('KEY_REQUIRED');
  });

  it('rejects an expired file', () => {
    const { certificate } = issue({ ttlSeconds: 3600 });
    const justBefore = new Date(NOW.getTime() + 3599_000);
    const justAfter = new Date(NOW.getTime() + 3601_000);
    expect(verifyLicenseFile(certificate, account.publicKeyDer, { now: justBefore }).meta.ttl).toBe(3600);
    expect(reasonOf(() => verifyLicenseFile(certificate, account.publicKeyDer, { now: justAfter }))).toBe('EXPIRED');
  });

  it.each([
    ['no armor', 'eyJlbmMiOiIifQ=='],
    ['a body that is not base64', `${HEADER}not base64!${FOOTER}`],
    ['a body that is not JSON', `${HEADER}${Buffer.from('nope').toString('base64')}${FOOTER}`],
    ['an unknown algorithm', encodeCertificate({ enc: 'e30=', sig: '', alg: 'rsa-sha256' })],
  ])('reports %s as MALFORMED', (_label, certificate) => {
    expect(reasonOf(() => verifyLicenseFile(certificate, account.publicKeyDer))).toBe('MALFORMED');
  });
});

describe('ttl validation', () => {
  it.each([0, -1, MIN_TTL_SECONDS - 1, MAX_TTL_SECONDS + 1, 3600.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects a ttl of %p',
    (ttlSeconds) => {
      const { extensions } = badUserInputFrom(() => issue({ ttlSeconds }));
      expect(extensions.code).toBe('BAD_USER_INPUT');
      expect(extensions.argumentPath).toEqual(['ttl']);
    },
  );

  it('accepts the bounds', () => {
    expect(issue({ ttlSeconds: MIN_TTL_SECONDS }).ttl).toBe(MIN_TTL_SECONDS);
    const longest = issue({ ttlSeconds: MAX_TTL_SECONDS });
    expect(longest.expiry?.getTime()).toBe(NOW.getTime() + MAX_TTL_SECONDS * 1000);
  });
});
