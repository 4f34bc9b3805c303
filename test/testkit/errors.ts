import { BadUserInputError } from '../../lib/errors';

/**
 * The BadUserInputError that `fn` throws, for asserting its message and `extensions` (code, argumentPath).
 * Anything else thrown, or nothing, fails the test.
 */
export function badUserInputFrom(fn: () => unknown): BadUserInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BadUserInputError) return error;
    throw error;
  }
  throw new Error('expected a BadUserInputError, but nothing was thrown');
}
