import { BadUserInputError } from '../../../lib/errors';
import { checkQuantity, checkUuid, checkVirtualMachines } from './input-checks';

const VM = '49cdd99f-bc16-40f9-ad40-48f12182fb30';

function errorOf(fn: () => unknown): BadUserInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BadUserInputError) return error;
    throw error;
  }
  throw new Error('expected a BadUserInputError');
}

test('a UUID is accepted and lower-cased; anything else names the argument', () => {
  expect(checkUuid(VM.toUpperCase(), ['licenseId'])).toBe(VM);
  const error = errorOf(() => checkUuid('not-a-uuid', ['input', 'computerId']));
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['input', 'computerId'] });
});

test('quantity defaults to 1 and must be at least 1', () => {
  expect(checkQuantity(undefined, ['input', 'quantity'])).toBe(1);
  expect(checkQuantity(null, ['input', 'quantity'])).toBe(1);
  expect(checkQuantity(7, ['input', 'quantity'])).toBe(7);
  expect(errorOf(() => checkQuantity(0, ['input', 'quantity'])).extensions).toMatchObject({ argumentPath: ['input', 'quantity'] });
  expect(errorOf(() => checkQuantity(-2, ['input', 'quantity'])).extensions.code).toBe('BAD_USER_INPUT');
});

test('virtual machines are UUIDs listed once, none by default', () => {
  expect(checkVirtualMachines(undefined, ['input', 'virtualMachines'])).toEqual([]);
  expect(checkVirtualMachines([VM], ['input', 'virtualMachines'])).toEqual([VM]);
  expect(errorOf(() => checkVirtualMachines([VM, 'x'], ['input', 'virtualMachines'])).extensions)
    .toMatchObject({ argumentPath: ['input', 'virtualMachines', 1] });
  expect(errorOf(() => checkVirtualMachines([VM, VM.toUpperCase()], ['input', 'virtualMachines'])).extensions)
    .toMatchObject({ argumentPath: ['input', 'virtualMachines', 1] });
});
