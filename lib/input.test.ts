import { badUserInputFrom } from '../test/testkit/errors';
import { nonNegative, positiveCount, requiredText } from './input';

describe('requiredText', () => {
  it('is the trimmed text, up to the limit once trimmed', () => {
    expect(requiredText('  Office  ', ['input', 'name'])).toBe('Office');
    expect(requiredText(` ${'x'.repeat(255)} `, ['input', 'name'])).toBe('x'.repeat(255));
    expect(requiredText('abc', ['input', 'version'], 3)).toBe('abc');
  });

  it('refuses empty, blank and too long text with BAD_USER_INPUT naming the last segment of the path', () => {
    for (const value of ['', '   ', 'x'.repeat(256)]) {
      const error = badUserInputFrom(() => requiredText(value, ['input', 'lines', 2, 'feature']));
      expect(error.message).toBe('feature must have 1 to 255 characters');
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentPath: ['input', 'lines', 2, 'feature'] });
    }
    expect(badUserInputFrom(() => requiredText('abcd', ['name'], 3)).message).toBe('name must have 1 to 3 characters');
  });
});

describe('positiveCount', () => {
  it('accepts whole numbers of at least 1', () => {
    expect(positiveCount(1, ['increment'])).toBe(1);
    expect(positiveCount(2_147_483_647, ['input', 'quantity'])).toBe(2_147_483_647);
  });

  it('refuses 0, negative and fractional numbers with BAD_USER_INPUT on the argument', () => {
    for (const value of [0, -1, 1.5, Number.NaN]) {
      const error = badUserInputFrom(() => positiveCount(value, ['input', 'cores']));
      expect(error.message).toBe('cores must be at least 1');
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentPath: ['input', 'cores'] });
    }
    expect(badUserInputFrom(() => positiveCount(0, ['decrement'])).extensions.argumentPath).toEqual(['decrement']);
  });
});

describe('nonNegative', () => {
  it('is null when not given and the number otherwise, 0 included', () => {
    expect(nonNegative(null, ['input', 'maxUses'])).toBeNull();
    expect(nonNegative(undefined, ['input', 'maxUses'])).toBeNull();
    expect(nonNegative(0, ['input', 'maxUses'])).toBe(0);
    expect(nonNegative(12, ['input', 'maxUses'])).toBe(12);
  });

  it('refuses a negative number with BAD_USER_INPUT naming the last segment of the path', () => {
    const error = badUserInputFrom(() => nonNegative(-1, ['input', 'meterAttributes', 0, 'allowedUses']));
    expect(error.message).toBe('allowedUses cannot be negative');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentPath: ['input', 'meterAttributes', 0, 'allowedUses'] });
  });
});
