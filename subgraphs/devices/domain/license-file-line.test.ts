import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { ConflictError } from '../../../lib/errors';
import { badUserInputFrom } from '../../../test/testkit/errors';
import { licenseLineOf, verifiedLicenseFile } from './license-file-line';

// a license file as checkOutLicense writes it (README "Offline license files"), made here with node:crypto only
const ACCOUNT = randomUUID();
const LICENSE = randomUUID();
const NOW = new Date('2026-12-06T12:00:00Z');
const UDI = { productId: 'CSR1000V', serialNumber: '9DHICRRBJEL' };
const keys = generateKeyPairSync('ed25519');
const publicKey = keys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
const other = generateKeyPairSync('ed25519');

function licenseFile(attributes: Record<string, unknown>, opts: { expiry?: string | null; alg?: string; key?: typeof keys.privateKey; enc?: string } = {}): string {
  const payload = { meta: { issued: NOW.toISOString(), expiry: opts.expiry ?? null, ttl: null }, data: { type: 'licenses', id: LICENSE, attributes } };
  const enc = opts.enc ?? Buffer.from(JSON.stringify(payload)).toString('base64');
  const sig = sign(null, Buffer.from(`license/${enc}`), opts.key ?? keys.privateKey).toString('base64');
  const body = Buffer.from(JSON.stringify({ enc, sig, alg: opts.alg ?? 'base64+ed25519' })).toString('base64');
  return `-----BEGIN LICENSE FILE-----\n${body.match(/.{1,76}/g)!.join('\n')}\n-----END LICENSE FILE-----\n`;
}

const ATTRIBUTES = {
  accountId: ACCOUNT, name: 'Editor Pro', status: 'ACTIVE', expiry: '2027-01-05T12:00:00.000Z', effectiveDate: null,
  createdAt: '2026-12-01T08:30:00.000Z', maxMachines: 3, metadata: { feature: 'csr1kv_50m', version: '1.0' },
};

function conflict(file: string): { message: string; extensions: Record<string, unknown> } {
  try {
    verifiedLicenseFile(file, publicKey, ACCOUNT, UDI, NOW);
  } catch (error) {
    if (error instanceof ConflictError) return { message: error.message, extensions: { reason: error.extensions.reason, argumentPath: error.extensions.argumentPath } };
    throw error;
  }
  throw new Error('expected a ConflictError');
}

describe('verifiedLicenseFile', () => {
  it('verifies a file of the account and returns its license and the seed 004 license line it becomes', () => {
    expect(verifiedLicenseFile(licenseFile(ATTRIBUTES), publicKey, ACCOUNT, UDI, NOW)).toEqual({
      licenseId: LICENSE,
      line: {
        licenseId: LICENSE, feature: 'csr1kv_50m', version: '1.0', licenseType: 'Paid Subscription', startDate: '2026-12-01', endDate: '2027-01-05',
        licenseState: 'Active, Not in Use', lockType: 'Node locked', vendorInfo: UDI, licenseAddition: 'EXCLUSIVE', licenseCount: 3,
        storageName: 'primary license storage',
      },
    });
  });

  it('refuses, as CONFLICT with a reason, a file not signed with the account key, expired, encrypted, of another account or of an expired, suspended or banned license', () => {
    const at = { argumentPath: ['licenseLocation'] };
    const signedElsewhere = licenseFile(ATTRIBUTES, { key: other.privateKey });
    expect(conflict(signedElsewhere)).toEqual({ message: 'The license file is not signed with the account\'s key', extensions: { ...at, reason: 'LICENSE_FILE_SIGNATURE_INVALID' } });
    // the license changed after signing (more machines): the signature no longer covers it
    const armored = (file: string) => JSON.parse(Buffer.from(file.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64').toString()) as { enc: string; sig: string; alg: string };
    const changed = armored(licenseFile({ ...ATTRIBUTES, maxMachines: 300 }));
    const tampered = `-----BEGIN LICENSE FILE-----\n${Buffer.from(JSON.stringify({ ...changed, sig: armored(licenseFile(ATTRIBUTES)).sig })).toString('base64')}\n-----END LICENSE FILE-----`;
    expect(conflict(tampered).extensions.reason).toBe('LICENSE_FILE_SIGNATURE_INVALID');
    expect(conflict(licenseFile(ATTRIBUTES, { expiry: '2026-12-06T11:59:59.000Z' }))).toEqual({
      message: 'The license file has expired: check the license out again', extensions: { ...at, reason: 'LICENSE_FILE_EXPIRED' },
    });
    expect(conflict(licenseFile(ATTRIBUTES, { alg: 'aes-256-gcm+ed25519', enc: 'YQ==.YQ==.YQ==' }))).toEqual({
      message: 'An encrypted license file cannot be installed: check the license out with encrypt: false', extensions: { ...at, reason: 'LICENSE_FILE_ENCRYPTED' },
    });
    expect(conflict(licenseFile({ ...ATTRIBUTES, accountId: randomUUID() }))).toEqual({
      message: 'The license file is for another account', extensions: { ...at, reason: 'LICENSE_FILE_OTHER_ACCOUNT' },
    });
    expect(conflict(licenseFile({ ...ATTRIBUTES, expiry: '2026-12-06T11:00:00.000Z' }))).toEqual({
      message: 'The license of the file is expired', extensions: { ...at, reason: 'LICENSE_EXPIRED' },
    });
    for (const status of ['SUSPENDED', 'BANNED']) {
      expect(conflict(licenseFile({ ...ATTRIBUTES, status })).extensions.reason).toBe(`LICENSE_${status}`);
    }
  });

  it('refuses what is no license file with BAD_USER_INPUT at licenseLocation', () => {
    const notAFile = badUserInputFrom(() => verifiedLicenseFile('hello', publicKey, ACCOUNT, UDI, NOW));
    expect(notAFile.message).toBe('licenseLocation holds no license file of checkOutLicense: The license file armor is missing');
    expect(notAFile.extensions.argumentPath).toEqual(['licenseLocation']);
    const payload = { meta: { issued: NOW.toISOString(), expiry: null, ttl: null }, data: { type: 'machines', id: LICENSE, attributes: {} } };
    const enc = Buffer.from(JSON.stringify(payload)).toString('base64');
    const sig = sign(null, Buffer.from(`license/${enc}`), keys.privateKey).toString('base64');
    const file = `-----BEGIN LICENSE FILE-----\n${Buffer.from(JSON.stringify({ enc, sig, alg: 'base64+ed25519' })).toString('base64')}\n-----END LICENSE FILE-----`;
    expect(badUserInputFrom(() => verifiedLicenseFile(file, publicKey, ACCOUNT, UDI, NOW)).message).toBe('licenseLocation holds no license file of checkOutLicense: its data is not a license');
  });
});

describe('licenseLineOf', () => {
  it('falls back to the license name, a Permanent type without an expiry, no vendor info without a UDI, a count of 0', () => {
    expect(licenseLineOf(LICENSE, { name: 'Editor', expiry: null, effectiveDate: '2026-11-30T00:00:00.000Z', createdAt: '2026-12-01T00:00:00.000Z', metadata: { version: 'v2' } }, null)).toEqual({
      licenseId: LICENSE, feature: 'Editor', version: null, licenseType: 'Permanent', startDate: '2026-11-30', endDate: null,
      licenseState: 'Active, Not in Use', lockType: 'Node locked', vendorInfo: null, licenseAddition: 'EXCLUSIVE', licenseCount: 0,
      storageName: 'primary license storage',
    });
    expect(licenseLineOf(LICENSE, {}, null).feature).toBe(LICENSE);
  });
});
