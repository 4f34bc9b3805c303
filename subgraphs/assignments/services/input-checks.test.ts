import { badUserInputFrom } from '../../../test/testkit/errors';
import { checkQuantity, checkVirtualMachines } from './input-checks';

const VM = '49cdd99f-bc16-40f9-ad40-48f12182fb30';

test('quantity defaults to 1 and must be at least 1', () => {
  expect(checkQuantity(undefined, ['input', 'quantity'])).toBe(1);
  expect(checkQuantity(null, ['input', 'quantity'])).toBe(1);
  expect(checkQuantity(7, ['input', 'quantity'])).toBe(7);
  expect(badUserInputFrom(() => checkQuantity(0, ['input', 'quantity'])).extensions).toMatchObject({ argumentPath: ['input', 'quantity'] });
  expect(badUserInputFrom(() => checkQuantity(-2, ['input', 'quantity'])).extensions.code).toBe('BAD_USER_INPUT');
});

test('virtual machines are UUIDs listed once, none by default', () => {
  expect(checkVirtualMachines(undefined, ['input', 'virtualMachines'])).toEqual([]);
  expect(checkVirtualMachines([VM], ['input', 'virtualMachines'])).toEqual([VM]);
  expect(badUserInputFrom(() => checkVirtualMachines([VM, 'x'], ['input', 'virtualMachines'])).extensions)
    .toMatchObject({ argumentPath: ['input', 'virtualMachines', 1] });
  expect(badUserInputFrom(() => checkVirtualMachines([VM, VM.toUpperCase()], ['input', 'virtualMachines'])).extensions)
    .toMatchObject({ argumentPath: ['input', 'virtualMachines', 1] });
});
