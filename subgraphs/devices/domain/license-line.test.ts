import { DeviceLicenseLine } from '../entities/DeviceLicenseLine';
import { checkDuration, checkHexVersion, DETAIL_ONLY_FIELDS, isIsoDuration, parseLicenseDate, summaryOf } from './license-line';

describe('license line values (seed 004)', () => {
  test.each(['P0Y0M8W4D', 'P0Y0M8W3D', 'P0Y0M0DT3H6M', 'P30D', 'PT1.5S', 'P1Y2M3DT4H5M6S', 'P8W'])('%p is an ISO-8601 duration', (value) => {
    expect(isIsoDuration(value)).toBe(true);
    expect(checkDuration(value, ['x'])).toBe(value);
  });

  test.each(['', 'P', 'PT', 'P1DT', '30D', 'P-1D', 'P1H', 'p1d', 'P1D '])('%p is not', (value) => {
    expect(isIsoDuration(value)).toBe(false);
    expect(() => checkDuration(value, ['input', 'evaluationPeriod'])).toThrow(expect.objectContaining({
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentPath: ['input', 'evaluationPeriod'] }),
    }));
  });

  test('dates are YYYY-MM-DD; the device\'s 0000-00-00 means no date', () => {
    expect(parseLicenseDate('2013-12-17', ['x'])).toBe('2013-12-17');
    expect(parseLicenseDate('2024-02-29', ['x'])).toBe('2024-02-29');
    expect(parseLicenseDate('0000-00-00', ['x'])).toBeNull();
  });

  test.each(['2013-12-32', '2023-02-29', '2013/12/17', '17-12-2013', '2013-12-17T00:00:00'])('refuses date %p', (value) => {
    expect(() => parseLicenseDate(value, ['input', 'endDate'])).toThrow(expect.objectContaining({
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentPath: ['input', 'endDate'] }),
    }));
  });

  test('generation versions are hexadecimal', () => {
    expect(checkHexVersion('0x8200000', ['x'])).toBe('0x8200000');
    expect(() => checkHexVersion('8200000', ['x'])).toThrow();
    expect(() => checkHexVersion('0xZZ', ['x'])).toThrow();
  });

  test('a summary keeps the summary fields and nulls every detail-only field, leaving the line untouched', () => {
    const line = Object.assign(new DeviceLicenseLine(), {
      id: 'a', deviceId: 'd', licenseId: 'l', index: 1, feature: 'csr1kv_50m', version: '1.0', licenseType: 'Paid Subscription',
      licenseState: 'Active, Not in Use', licenseCount: 0, endDate: '2013-12-17', lockType: 'Node locked',
      vendorProductId: 'CSR1000V', vendorSerialNumber: '9DHICRRBJEL', licenseAddition: 'EXCLUSIVE' as const,
      licenseGenerationVersion: '0x8200000', licensePriority: 'MEDIUM' as const, storeIndex: 0, storageName: 'primary license storage',
    });
    const summary = summaryOf(line);
    expect(summary).toBeInstanceOf(DeviceLicenseLine);
    expect(summary).toMatchObject({ id: 'a', deviceId: 'd', licenseId: 'l', index: 1, feature: 'csr1kv_50m', version: '1.0',
      licenseType: 'Paid Subscription', licenseState: 'Active, Not in Use', licenseCount: 0 });
    for (const field of DETAIL_ONLY_FIELDS) expect(summary[field]).toBeNull();
    expect(line.storageName).toBe('primary license storage');
    expect(line.endDate).toBe('2013-12-17');
  });
});
