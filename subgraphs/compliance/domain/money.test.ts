import { addDecimals, canonicalDecimal, compareDecimals, decimalDigits, divideDecimal, fromScaled, toScaled } from './money';

describe('toScaled / fromScaled', () => {
  test.each([
    ['0', '0'], ['1000', '1000'], ['1000.5000', '1000.5'], ['0.1', '0.1'], ['-12.34', '-12.34'],
    ['.5', '0.5'], ['5.', '5'], ['+7.25', '7.25'], ['00012.000', '12'], ['0.00000001', '0.00000001'],
    ['99999999999.9999', '99999999999.9999'], ['123456789012345678.12345678', '123456789012345678.12345678'],
  ])('%s reads back as %s', (text, canonical) => {
    expect(fromScaled(toScaled(text))).toBe(canonical);
    expect(canonicalDecimal(text)).toBe(canonical);
  });

  test.each(['', 'abc', '1e3', '1.2.3', '0.000000001', 'NaN', '1,5', '-'])('refuses %j', (text) => {
    expect(() => toScaled(text)).toThrow(RangeError);
  });

  test('-0 is 0', () => expect(canonicalDecimal('-0.000')).toBe('0'));
});

describe('addDecimals', () => {
  test('is exact where floats are not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addDecimals(['0.1', '0.2'])).toBe('0.3');
  });
  test('adds many cents without drift', () => {
    expect(addDecimals(Array.from({ length: 1000 }, () => '0.01'))).toBe('10');
  });
  test('adds beyond the safe integer range of doubles', () => {
    expect(addDecimals(['9007199254740993.01', '1.02'])).toBe('9007199254740994.03');
  });
  test('counts null and undefined as zero, and nothing as zero', () => {
    expect(addDecimals(['1000', null, undefined, '250.75'])).toBe('1250.75');
    expect(addDecimals([])).toBe('0');
  });
  test('adds negative values', () => expect(addDecimals(['10', '-2.5'])).toBe('7.5'));
});

describe('divideDecimal', () => {
  test.each([
    ['1000', 3, 4, '333.3333'], ['2000', 3, 4, '666.6667'], ['10', 4, 4, '2.5'], ['1', 8, 2, '0.13'],
    ['0.00005', 1, 4, '0.0001'], ['0.00004', 1, 4, '0'], ['-1', 8, 2, '-0.13'], ['7', 1, 0, '7'],
  ])('%s / %d to %d places is %s', (value, divisor, decimals, expected) => {
    expect(divideDecimal(value, divisor, decimals)).toBe(expected);
  });
  test('refuses zero and fractional divisors', () => {
    expect(() => divideDecimal('1', 0)).toThrow(RangeError);
    expect(() => divideDecimal('1', 1.5)).toThrow(RangeError);
  });
});

test('compareDecimals compares exactly', () => {
  expect(compareDecimals('1000.50', '1000.5')).toBe(0);
  expect(compareDecimals('0.1', '0.10000001')).toBe(-1);
  expect(compareDecimals('-1', '-2')).toBe(1);
});

test('decimalDigits counts the digits of the canonical form', () => {
  expect(decimalDigits('00123.4500')).toEqual({ integer: 3, fraction: 2, negative: false });
  expect(decimalDigits('0.0001')).toEqual({ integer: 0, fraction: 4, negative: false });
  expect(decimalDigits('-5')).toEqual({ integer: 1, fraction: 0, negative: true });
});
