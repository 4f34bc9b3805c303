import { badUserInputFrom } from '../../../test/testkit/errors';
import { LICENSE_LOCATION_LIMITS, parseLicenseLocation } from './license-location';

const refusal = (value: string) => {
  const error = badUserInputFrom(() => parseLicenseLocation(value));
  return { message: error.message, argumentPath: error.extensions.argumentPath };
};

describe('parseLicenseLocation (seed 004 license-location)', () => {
  it('takes the seed example and every remote protocol as scheme://[user@]host/path, lower-casing the scheme', () => {
    expect(parseLicenseLocation('tftp://user@linuxbox.cisco.com/home/user/csr.lic')).toEqual({ scheme: 'tftp', location: 'tftp://user@linuxbox.cisco.com/home/user/csr.lic' });
    for (const scheme of ['ftp', 'http', 'https', 'rcp', 'scp', 'tftp']) {
      expect(parseLicenseLocation(` ${scheme.toUpperCase()}://host.example.com:2121/lic/csr.lic `)).toEqual({ scheme, location: `${scheme}://host.example.com:2121/lic/csr.lic` });
    }
  });

  it('takes every device file system as file-system:path', () => {
    for (const scheme of ['bootflash', 'flash', 'null', 'nvram', 'pram', 'syslog', 'system', 'tmpsys']) {
      expect(parseLicenseLocation(`${scheme}:csr.lic`)).toEqual({ scheme, location: `${scheme}:csr.lic` });
      expect(parseLicenseLocation(`${scheme}:/licenses/csr.lic`)).toEqual({ scheme, location: `${scheme}:/licenses/csr.lic` });
    }
  });

  it('reads an inline license file, percent-encoded or base64 (RFC 2397)', () => {
    const file = '-----BEGIN LICENSE FILE-----\nabc+/=\n-----END LICENSE FILE-----\n';
    expect(parseLicenseLocation(`data:,${encodeURIComponent(file)}`)).toEqual({ scheme: 'data', file });
    expect(parseLicenseLocation(`data:application/x-license-file;base64,${Buffer.from(file).toString('base64')}`)).toEqual({ scheme: 'data', file });
  });

  it('refuses other schemes, malformed locations, passwords and oversized values with BAD_USER_INPUT at licenseLocation', () => {
    const cases: Array<[string, string]> = [
      ['/home/user/csr.lic', 'licenseLocation must start with data: or one of bootflash: flash: ftp: http: https: null: nvram: pram: rcp: scp: syslog: system: tftp: tmpsys:, e.g. tftp://user@linuxbox.cisco.com/home/user/csr.lic, bootflash:csr.lic or data:,<license file>'],
      ['file:///etc/passwd', 'licenseLocation must start with data: or one of bootflash: flash: ftp: http: https: null: nvram: pram: rcp: scp: syslog: system: tftp: tmpsys:, e.g. tftp://user@linuxbox.cisco.com/home/user/csr.lic, bootflash:csr.lic or data:,<license file>'],
      ['tftp:/linuxbox/csr.lic', 'licenseLocation must be tftp://[user@]host/path to a file, e.g. tftp://user@linuxbox.cisco.com/home/user/csr.lic, bootflash:csr.lic or data:,<license file>'],
      ['http://host.example.com/', 'licenseLocation must be http://[user@]host/path to a file, e.g. tftp://user@linuxbox.cisco.com/home/user/csr.lic, bootflash:csr.lic or data:,<license file>'],
      ['scp://user:secret@host/csr.lic', 'licenseLocation cannot contain a password: the device\'s agent brings its own credentials'],
      ['bootflash:', 'licenseLocation must be bootflash:path to a file, e.g. tftp://user@linuxbox.cisco.com/home/user/csr.lic, bootflash:csr.lic or data:,<license file>'],
      ['flash:my license.lic', 'licenseLocation cannot contain spaces or control characters'],
      [`tftp://host/${'a'.repeat(LICENSE_LOCATION_LIMITS.location)}`, 'licenseLocation has at most 2048 characters'],
      ['data:license', 'licenseLocation data: needs a comma before the license file, e.g. data:,<license file>'],
      ['data:,%E0%A4%A', 'licenseLocation data: holds a badly percent-encoded license file'],
      ['data:, ', 'licenseLocation data: holds no license file'],
      [`data:,${'a'.repeat(LICENSE_LOCATION_LIMITS.data)}`, 'licenseLocation data: has at most 65536 characters'],
    ];
    for (const [value, message] of cases) {
      expect(refusal(value)).toEqual({ message, argumentPath: ['licenseLocation'] });
    }
  });
});
