import { randomUUID } from 'node:crypto';
import { badUserInputFrom } from '../../../test/testkit/errors';
import { checkApplicationUsage, MAX_REPORTED_APPLICATIONS } from './call-home-report';

const [app, metric, user, license] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

describe('application usage of a call-home report', () => {
  test('IDs are kept in lower case, optional ones null, installations 1 when absent', () => {
    expect(checkApplicationUsage([
      { applicationId: app.toUpperCase(), metricId: metric },
      { applicationId: app, metricId: metric, userId: user, licenseId: license.toUpperCase(), installations: 0 },
    ])).toEqual([
      { applicationId: app, metricId: metric, userId: null, licenseId: null, installations: 1 },
      { applicationId: app, metricId: metric, userId: user, licenseId: license, installations: 0 },
    ]);
  });

  test('refuses malformed IDs, negative counts, repeated entries and too many entries at their paths', () => {
    const base = { applicationId: app, metricId: metric };
    const cases: Array<[object[], Array<string | number>]> = [
      [[{ ...base, applicationId: 'x' }], ['report', 'applications', 0, 'applicationId']],
      [[base, { ...base, licenseId: 'x' }], ['report', 'applications', 1, 'licenseId']],
      [[{ ...base, installations: -1 }], ['report', 'applications', 0, 'installations']],
      [[base, { ...base, applicationId: app.toUpperCase(), installations: 3 }], ['report', 'applications', 1]],
      [Array.from({ length: MAX_REPORTED_APPLICATIONS + 1 }, () => ({ ...base, userId: randomUUID() })), ['report', 'applications']],
    ];
    for (const [inputs, argumentPath] of cases) {
      expect(badUserInputFrom(() => checkApplicationUsage(inputs as never)).extensions).toEqual({ code: 'BAD_USER_INPUT', argumentPath });
    }
    expect(checkApplicationUsage(Array.from({ length: MAX_REPORTED_APPLICATIONS }, () => ({ ...base, userId: randomUUID() })))).toHaveLength(500);
  });
});
