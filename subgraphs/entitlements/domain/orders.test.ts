import { badUserInputFrom } from '../../../test/testkit/errors';
import type { LicenseOrderInput, LicenseOrderLineInput } from '../generated/graphql';
import { checkOrderLines, MAX_COUNT } from './orders';

const line = (extra: Partial<LicenseOrderLineInput> = {}): LicenseOrderLineInput => ({
  licenseId: 'l', licensedItemId: 'i', creditType: 'SEAT_COUNT', quantity: 5,
  orderValidFrom: new Date('2025-01-01T00:00:00Z'), orderValidUntil: new Date('2026-01-01T00:00:00Z'), ...extra,
});
const order = (...lines: LicenseOrderLineInput[]): LicenseOrderInput => ({ organizationId: 'o', lines });

const failure = (input: LicenseOrderInput) => badUserInputFrom(() => checkOrderLines(input));

describe('checkOrderLines', () => {
  test('accepts well-formed lines, open-ended validity and use time above 32 bits', () => {
    expect(() => checkOrderLines(order(line(), line({ orderValidUntil: null }), line({ creditType: 'USE_TIME', quantity: 2 ** 40 })))).not.toThrow();
  });
  test('an order without lines is rejected at input.lines', () => {
    expect(failure(order()).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['input', 'lines'] });
  });
  test.each([0, -3, 1.5, MAX_COUNT + 1])('a seat quantity of %p is rejected at its line', (quantity) => {
    expect(failure(order(line(), line({ quantity }))).extensions).toMatchObject({ argumentPath: ['input', 'lines', 1, 'quantity'] });
  });
  test('a validity that ends before it starts is rejected', () => {
    const bad = line({ orderValidUntil: new Date('2024-12-31T00:00:00Z') });
    expect(failure(order(bad)).extensions).toMatchObject({ argumentPath: ['input', 'lines', 0, 'orderValidUntil'] });
  });
});
