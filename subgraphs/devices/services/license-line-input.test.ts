import type { DeviceLicenseLineInput } from '../generated/graphql';
import { isEvaluationLicenseType, licenseLineFields } from './license-line-input';

const paid: DeviceLicenseLineInput = {
  feature: 'csr1kv_50m', version: '1.0', licenseType: 'Paid Subscription', startDate: '0000-00-00', endDate: '2013-12-17',
  licenseState: 'Active, Not in Use', lockType: 'Node locked', vendorInfo: { productId: 'CSR1000V', serialNumber: '9DHICRRBJEL' },
  licenseAddition: 'EXCLUSIVE', licenseGenerationVersion: '0x8200000', licenseCount: 0, licensePriority: 'MEDIUM',
  storeIndex: 0, storageName: 'primary license storage',
};
const evaluation: DeviceLicenseLineInput = {
  feature: 'csr1kv_eval', version: '1.0', licenseType: 'evaluation', licenseState: 'Active, In Use',
  evaluationPeriod: 'P0Y0M8W4D', evaluationPeriodLeft: 'P0Y0M8W3D', evaluationPeriodUsed: 'P0Y0M0DT3H6M',
  evaluationExpiryDate: new Date('2013-02-03T16:35:58Z'), lockType: 'Node locked',
};

function failsAt(input: DeviceLicenseLineInput, argumentPath: Array<string | number>): void {
  expect(() => licenseLineFields(input)).toThrow(expect.objectContaining({
    extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentPath }),
  }));
}

describe('license line input (seed 004 license detail)', () => {
  test('the seed\'s paid line: 0000-00-00 start date is no date, vendor info split into PID and SN', () => {
    expect(licenseLineFields(paid)).toMatchObject({
      feature: 'csr1kv_50m', startDate: null, endDate: '2013-12-17', vendorProductId: 'CSR1000V', vendorSerialNumber: '9DHICRRBJEL',
      licenseAddition: 'EXCLUSIVE', licensePriority: 'MEDIUM', storeIndex: 0, licenseCount: 0, evaluationPeriod: null,
    });
  });

  test('the seed\'s evaluation line keeps its ISO-8601 periods', () => {
    expect(licenseLineFields(evaluation)).toMatchObject({
      evaluationPeriod: 'P0Y0M8W4D', evaluationPeriodLeft: 'P0Y0M8W3D', evaluationPeriodUsed: 'P0Y0M0DT3H6M', startDate: null,
    });
  });

  test('defaults: count 0, everything optional null', () => {
    expect(licenseLineFields({ feature: 'f', licenseType: 'Permanent', licenseState: 'Active' })).toMatchObject({
      licenseId: null, version: null, licenseCount: 0, storeIndex: null, vendorProductId: null, licensePriority: null,
    });
  });

  test('evaluation license types are recognised by name', () => {
    expect(isEvaluationLicenseType('Evaluation')).toBe(true);
    expect(isEvaluationLicenseType('evaluation')).toBe(true);
    expect(isEvaluationLicenseType('Paid Subscription')).toBe(false);
  });

  test('refuses values outside the seed\'s rules, naming the field', () => {
    failsAt({ ...paid, feature: '  ' }, ['input', 'feature']);
    failsAt({ ...paid, licenseState: '' }, ['input', 'licenseState']);
    failsAt({ ...paid, version: 'one' }, ['input', 'version']);
    failsAt({ ...paid, endDate: '2013-13-01' }, ['input', 'endDate']);
    failsAt({ ...paid, startDate: '2014-01-01', endDate: '2013-12-17' }, ['input', 'endDate']);
    failsAt({ ...paid, licenseCount: -1 }, ['input', 'licenseCount']);
    failsAt({ ...paid, storeIndex: -1 }, ['input', 'storeIndex']);
    failsAt({ ...paid, licenseGenerationVersion: '8200000' }, ['input', 'licenseGenerationVersion']);
    failsAt({ ...paid, vendorInfo: { productId: 'CSR:1000V', serialNumber: 'X' } }, ['input', 'vendorInfo', 'productId']);
    failsAt({ ...paid, licenseId: 'not-a-uuid' }, ['input', 'licenseId']);
    failsAt({ ...evaluation, evaluationPeriodLeft: '8 weeks' }, ['input', 'evaluationPeriodLeft']);
  });

  test('dates belong to non-evaluation licenses and periods to evaluation ones', () => {
    failsAt({ ...evaluation, endDate: '2013-12-17' }, ['input', 'endDate']);
    failsAt({ ...paid, evaluationPeriod: 'P30D' }, ['input', 'evaluationPeriod']);
  });
});
