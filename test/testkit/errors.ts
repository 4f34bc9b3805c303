import { BadUserInputError, ConflictError, type DomainError } from '../../lib/errors';

/**
 * The error of class `type` that `fn` throws, for asserting its message and `extensions` (code, argumentPath,
 * reason). Anything else thrown, or nothing, fails the test.
 */
function domainErrorFrom<E extends DomainError>(type: abstract new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}

/** The BadUserInputError that `fn` throws. */
export function badUserInputFrom(fn: () => unknown): BadUserInputError {
  return domainErrorFrom(BadUserInputError, fn);
}

/** The ConflictError that `fn` throws. */
export function conflictFrom(fn: () => unknown): ConflictError {
  return domainErrorFrom(ConflictError, fn);
}
