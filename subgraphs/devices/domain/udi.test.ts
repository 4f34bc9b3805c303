import { checkProductId, checkSerialNumber, generateSerialNumber, GENERATED_SERIAL_LENGTH, udiOf } from './udi';

describe('UDI (seed 004)', () => {
  test('is PID:SN as the device shows it', () => {
    expect(udiOf('CSR1000V', '9DHICRRBJEL')).toEqual({ productId: 'CSR1000V', serialNumber: '9DHICRRBJEL', udi: 'CSR1000V:9DHICRRBJEL' });
    expect(udiOf('AS54XM-AC-RPS', 'JAE948QT6R')?.udi).toBe('AS54XM-AC-RPS:JAE948QT6R');
  });

  test('is absent without a product ID or a serial number', () => {
    expect(udiOf(null, 'X1')).toBeNull();
    expect(udiOf('CSR1000V', null)).toBeNull();
  });

  test('accepts the seed\'s product IDs and serial numbers', () => {
    expect(checkProductId('CSRXM-AC-RPS', ['p'])).toBe('CSRXM-AC-RPS');
    expect(checkSerialNumber('JAE948QX12', ['s'])).toBe('JAE948QX12');
  });

  test.each(['', 'CSR:1000V', 'CSR 1000V', '-CSR', 'x'.repeat(65)])('refuses product ID %p', (pid) => {
    expect(() => checkProductId(pid, ['input', 'productId'])).toThrow(expect.objectContaining({
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentPath: ['input', 'productId'] }),
    }));
  });

  test.each(['', 'JAE:948', 'JAE 948', 'JAE-948'])('refuses serial number %p', (sn) => {
    expect(() => checkSerialNumber(sn, ['input', 'serialNumber'])).toThrow(expect.objectContaining({
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentPath: ['input', 'serialNumber'] }),
    }));
  });

  test('generates 11-character serial numbers of capitals and digits, different each time', () => {
    const serials = new Set(Array.from({ length: 200 }, generateSerialNumber));
    expect(serials.size).toBe(200);
    for (const serial of serials) expect(serial).toMatch(new RegExp(`^[A-Z0-9]{${GENERATED_SERIAL_LENGTH}}$`));
  });
});
