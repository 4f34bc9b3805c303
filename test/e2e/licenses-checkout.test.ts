/**
 * Offline license files (API.md "offline license") through the real gateway over HTTP, on every database kind. The
 * test verifies each file the way a licensing client does offline: with node:crypto and the published public key
 * only (no code of the project), for signed and for encrypted files, and detects tampering and expiry.
 */
import { createDecipheriv, createHash, createPublicKey, generateKeyPairSync, randomUUID, verify } from 'node:crypto';
import { Account } from '../../subgraphs/licenses/entities/Account';
import { DATABASE_KINDS } from '../testkit/databases';
import { startTestStack, type TestStack } from '../testkit/stack';
import { eventTypes, newLicense } from './licenses-fixtures';

const CHECK_OUT = `mutation($id: ID!, $ttl: Int, $encrypt: Boolean) {
  checkOutLicense(id: $id, ttl: $ttl, encrypt: $encrypt) { certificate algorithm issued expiry ttl publicKey }
}`;
const HEADER = '-----BEGIN LICENSE FILE-----';
const FOOTER = '-----END LICENSE FILE-----';
const TEN_YEARS = 315_569_520;

interface Certificate { enc: string; sig: string; alg: string }
interface Payload { meta: { issued: string; expiry: string | null; ttl: number | null }; data: { type: string; id: string; attributes: Record<string, unknown> } }

/** The armored file -> `{ enc, sig, alg }`. */
function parseCertificate(certificate: string): Certificate {
  const lines = certificate.trim().split('\n');
  expect(lines[0]).toBe(HEADER);
  expect(lines.at(-1)).toBe(FOOTER);
  return JSON.parse(Buffer.from(lines.slice(1, -1).join(''), 'base64').toString('utf8')) as Certificate;
}

function armor(cert: Certificate): string {
  return `${HEADER}\n${Buffer.from(JSON.stringify(cert)).toString('base64')}\n${FOOTER}\n`;
}

/** Ed25519 over `license/` + enc with the account's public key (base64 DER, SPKI). */
function signatureValid(cert: Certificate, publicKey: string): boolean {
  const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(`license/${cert.enc}`, 'utf8'), key, Buffer.from(cert.sig, 'base64'));
}

/** AES-256-GCM with key sha256(licenseKey); enc = ciphertext.iv.tag, each base64. */
function decrypt(enc: string, licenseKey: string): string {
  const [ciphertext, iv, tag] = enc.split('.').map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', createHash('sha256').update(licenseKey).digest(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

/** What a client does offline: verify, then decode or decrypt, then refuse an expired file. */
function readLicenseFile(certificate: string, publicKey: string, opts: { licenseKey?: string; now?: number } = {}): Payload {
  const cert = parseCertificate(certificate);
  if (!signatureValid(cert, publicKey)) throw new Error('bad signature');
  const json = cert.alg === 'aes-256-gcm+ed25519' ? decrypt(cert.enc, opts.licenseKey!) : Buffer.from(cert.enc, 'base64').toString('utf8');
  const payload = JSON.parse(json) as Payload;
  if (payload.meta.expiry !== null && Date.parse(payload.meta.expiry) < (opts.now ?? Date.now())) throw new Error('expired');
  return payload;
}

describe.each(DATABASE_KINDS)('license check-out through the gateway (%s)', (kind) => {
  let t: TestStack;
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  const checkOut = async (vars: Record<string, unknown>) => (await t.gateway.ok(CHECK_OUT, vars)).checkOutLicense;

  /** Runs first, on an account whose signing key does not exist yet (and again once the test has removed it). */
  it('creates one signing key for the account when its first requests come at once', async () => {
    const ACCOUNT = `query { account { publicKey } }`;
    const accounts = await Promise.all(Array.from({ length: 6 }, () => t.gateway.raw<{ account: { publicKey: string } }>(ACCOUNT)));
    expect(accounts.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(accounts.map((r) => r.data!.account.publicKey)).size).toBe(1);

    await t.stack.subgraphs.licenses.orm.em.fork().nativeDelete(Account, {}, { filters: false });
    const { id } = await newLicense(t);
    const files = await Promise.all(Array.from({ length: 6 }, () => t.gateway.raw<{ checkOutLicense: { certificate: string; publicKey: string } }>(CHECK_OUT, { id, ttl: 3600 })));
    expect(files.flatMap((r) => r.errors ?? [])).toEqual([]);
    const { publicKey } = (await t.gateway.ok(ACCOUNT)).account;
    for (const file of files.map((r) => r.data!.checkOutLicense)) {
      expect(file.publicKey).toBe(publicKey);
      expect(readLicenseFile(file.certificate, publicKey).data.id).toBe(id);
    }
  });

  it('signs a base64 file with the account key that verifies offline, with the license and the ttl in the payload', async () => {
    const { id, key } = await newLicense(t, { maxUses: 20, duration: 30 * 86_400 });
    const file = await checkOut({ id, ttl: 3600 });
    expect(file.algorithm).toBe('BASE64_ED25519');
    expect(file.ttl).toBe(3600);
    expect(Math.abs(Date.parse(file.issued) - Date.now())).toBeLessThan(15_000);
    expect(Date.parse(file.expiry) - Date.parse(file.issued)).toBe(3600 * 1000);
    expect((await t.gateway.ok(`query { account { publicKey } }`)).account.publicKey).toBe(file.publicKey);
    const cert = parseCertificate(file.certificate);
    expect(Object.keys(cert)).toEqual(['enc', 'sig', 'alg']);
    expect(cert.alg).toBe('base64+ed25519');
    const payload = readLicenseFile(file.certificate, file.publicKey);
    expect(payload.meta).toEqual({ issued: file.issued, expiry: file.expiry, ttl: 3600 });
    expect(payload.data).toMatchObject({ type: 'licenses', id, attributes: { key, maxUses: 20, maxMachines: 1, status: 'ACTIVE' } });
  });

  it('encrypts with AES-256-GCM under sha256(license key): readable with the key only', async () => {
    const { id, key } = await newLicense(t);
    const file = await checkOut({ id, ttl: 7200, encrypt: true });
    expect(file.algorithm).toBe('AES_256_GCM_ED25519');
    const cert = parseCertificate(file.certificate);
    expect(cert.alg).toBe('aes-256-gcm+ed25519');
    expect(cert.enc.split('.')).toHaveLength(3);
    const payload = readLicenseFile(file.certificate, file.publicKey, { licenseKey: key });
    expect(payload.data.id).toBe(id);
    expect(payload.meta.ttl).toBe(7200);
    expect(() => readLicenseFile(file.certificate, file.publicKey, { licenseKey: 'WRONG-KEY' })).toThrow();
  });

  it('encrypts by default a license whose files are encrypted, and has no expiry without a ttl', async () => {
    const { id, key } = await newLicense(t, {}, { encrypted: true });
    const file = await checkOut({ id });
    expect(file).toMatchObject({ algorithm: 'AES_256_GCM_ED25519', expiry: null, ttl: null });
    expect(readLicenseFile(file.certificate, file.publicKey, { licenseKey: key }).meta).toEqual({ issued: file.issued, expiry: null, ttl: null });
    expect((await checkOut({ id, encrypt: false })).algorithm).toBe('BASE64_ED25519');
  });

  it('fails verification once tampered with: a changed payload, a changed signature, another account key', async () => {
    const { id } = await newLicense(t);
    const file = await checkOut({ id, ttl: 3600 });
    const cert = parseCertificate(file.certificate);
    const payload = JSON.parse(Buffer.from(cert.enc, 'base64').toString('utf8')) as Payload;
    payload.data.attributes.maxMachines = 1000;
    const forged = { ...cert, enc: Buffer.from(JSON.stringify(payload)).toString('base64') };
    expect(signatureValid(forged, file.publicKey)).toBe(false);
    expect(() => readLicenseFile(armor(forged), file.publicKey)).toThrow('bad signature');
    const sig = Buffer.from(cert.sig, 'base64');
    sig[0] ^= 0xff;
    expect(signatureValid({ ...cert, sig: sig.toString('base64') }, file.publicKey)).toBe(false);
    const stranger = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    expect(signatureValid(cert, stranger)).toBe(false);
    expect(signatureValid(cert, file.publicKey)).toBe(true);
  });

  it('is detected as expired after meta.expiry', async () => {
    const { id } = await newLicense(t);
    const file = await checkOut({ id, ttl: 3600 });
    const expiry = Date.parse(file.expiry);
    expect(readLicenseFile(file.certificate, file.publicKey, { now: expiry - 1000 }).data.id).toBe(id);
    expect(() => readLicenseFile(file.certificate, file.publicKey, { now: expiry + 1000 })).toThrow('expired');
  });

  it('refuses a ttl outside 3600 seconds to 10 years with BAD_USER_INPUT on ttl', async () => {
    const { id } = await newLicense(t);
    for (const ttl of [10, 3599, TEN_YEARS + 1]) {
      expect((await t.gateway.fails('BAD_USER_INPUT', CHECK_OUT, { id, ttl })).extensions?.argumentPath).toEqual(['ttl']);
    }
    expect((await checkOut({ id, ttl: TEN_YEARS })).ttl).toBe(TEN_YEARS);
  });

  it('sets lastCheckOut with a license.checked-out event; a suspended license cannot check out', async () => {
    const { id } = await newLicense(t);
    const LAST = `query($id: ID!) { license(id: $id) { lastCheckOut } }`;
    expect((await t.gateway.ok(LAST, { id })).license.lastCheckOut).toBeNull();
    const file = await checkOut({ id, ttl: 3600 });
    expect((await t.gateway.ok(LAST, { id })).license.lastCheckOut).toBe(file.issued);
    expect(await eventTypes(t, id)).toEqual(['license.created', 'license.checked-out', 'license.updated']);
    await t.gateway.ok(`mutation($id: ID!) { suspendLicense(id: $id) { id } }`, { id });
    expect((await t.gateway.fails('CONFLICT', CHECK_OUT, { id })).extensions?.reason).toBe('LICENSE_SUSPENDED');
  });

  it('answers NOT_FOUND for an unknown or malformed license ID', async () => {
    await t.gateway.fails('NOT_FOUND', CHECK_OUT, { id: randomUUID() });
    await t.gateway.fails('NOT_FOUND', CHECK_OUT, { id: 'abc' });
  });
});
