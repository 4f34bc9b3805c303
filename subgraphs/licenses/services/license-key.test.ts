import { badUserInputFrom } from '../../../test/testkit/errors';
import { generateLicenseKey, LICENSE_KEY_PATTERN, normalizeGivenKey } from './license-key';

describe('generateLicenseKey', () => {
  it('has the reference shape', () => {
    const key = generateLicenseKey();
    expect(key).toMatch(LICENSE_KEY_PATTERN);
    expect(key).toMatch(/^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}-V3$/);
    expect(key).toHaveLength(5 * 7 + 2);
  });

  it('matches the example key of the reference API', () => {
    expect('6DFB15-6597FC-B7DBB6-E34DAB-9D77C0-V3').toMatch(LICENSE_KEY_PATTERN);
    expect('6dfb15-6597fc-b7dbb6-e34dab-9d77c0-V3').not.toMatch(LICENSE_KEY_PATTERN);
    expect('6DFB15-6597FC-B7DBB6-E34DAB-V3').not.toMatch(LICENSE_KEY_PATTERN);
  });

  it('produces 10,000 well-formed, distinct keys', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 10_000; i += 1) {
      const key = generateLicenseKey();
      expect(LICENSE_KEY_PATTERN.test(key)).toBe(true);
      keys.add(key);
    }
    expect(keys.size).toBe(10_000);
  });
});

describe('normalizeGivenKey', () => {
  it('trims surrounding whitespace and keeps the key otherwise unchanged', () => {
    expect(normalizeGivenKey('  my-Key_01!  ')).toBe('my-Key_01!');
    expect(normalizeGivenKey('\tABC\n')).toBe('ABC');
  });

  it('accepts exactly 255 characters', () => {
    expect(normalizeGivenKey('k'.repeat(255))).toHaveLength(255);
  });

  it.each([
    ['empty', ''],
    ['whitespace only', '   \t '],
    ['longer than 255 characters', 'k'.repeat(256)],
    ['an inner space', 'ABC DEF'],
    ['a control character', 'ABC\u0007DEF'],
    ['a non-ASCII character', 'clé-123'],
    ['DEL', 'ABC\u007F'],
  ])('rejects a key that is %s', (_label, key) => {
    const error = badUserInputFrom(() => normalizeGivenKey(key));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.argumentPath).toEqual(['input', 'key']);
  });
});
