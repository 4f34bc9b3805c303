import { BadUserInputError } from '../../../lib/errors';

/** The file systems and protocols a license is installed from (seed 004 `license-location`). */
export const LOCAL_FILE_SYSTEMS = ['bootflash', 'flash', 'null', 'nvram', 'pram', 'syslog', 'system', 'tmpsys'] as const;
export const REMOTE_PROTOCOLS = ['ftp', 'http', 'https', 'rcp', 'scp', 'tftp'] as const;

export const LICENSE_LOCATION_LIMITS = {
  /** A location recorded for the device's agent. */
  location: 2048,
  /** An inline license file (`data:`): far above any file of checkOutLicense, far below the request body limit. */
  data: 65_536,
} as const;

export type LicenseLocation =
  | { scheme: 'data'; file: string }
  | { scheme: string; location: string };

const EXAMPLE = 'e.g. tftp://user@linuxbox.cisco.com/home/user/csr.lic, bootflash:csr.lic or data:,<license file>';
const refuse = (why: string) => new BadUserInputError(`licenseLocation ${why}`, ['licenseLocation']);
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f]/;

/** `data:[<media type>][;base64],<file>` (RFC 2397): the license file, percent-encoded or base64. */
function dataFile(rest: string): string {
  const comma = rest.indexOf(',');
  if (comma < 0) throw refuse('data: needs a comma before the license file, e.g. data:,<license file>');
  const params = rest.slice(0, comma).split(';');
  const body = rest.slice(comma + 1);
  let file: string;
  try {
    file = params.includes('base64') ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : decodeURIComponent(body);
  } catch {
    throw refuse('data: holds a badly percent-encoded license file');
  }
  if (!file.trim()) throw refuse('data: holds no license file');
  return file;
}

/** `scheme://[user@]host[:port]/path`: the seed's example form; a password would be stored and shown in clear. */
function remoteLocation(scheme: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse(`must be ${scheme}://[user@]host/path, ${EXAMPLE}`);
  }
  if (!text.slice(scheme.length + 1).startsWith('//') || !url.hostname || url.pathname.length < 2 || url.pathname.endsWith('/')) {
    throw refuse(`must be ${scheme}://[user@]host/path to a file, ${EXAMPLE}`);
  }
  if (url.password) throw refuse('cannot contain a password: the device\'s agent brings its own credentials');
  return text;
}

/** `file-system:path`, e.g. `bootflash:csr.lic` or `flash:/licenses/csr.lic`. */
function localLocation(scheme: string, text: string): string {
  const path = text.slice(scheme.length + 1);
  if (!path || path.startsWith('//') || path.endsWith('/')) throw refuse(`must be ${scheme}:path to a file, ${EXAMPLE}`);
  return text;
}

/**
 * Checks a license location against seed 004's schemes (lower-cased; the rest is kept as given). Remote locations and
 * device file systems are for the device's agent: the platform never fetches them (no request to an address a caller
 * chose, so no server-side request forgery).
 */
export function parseLicenseLocation(value: string): LicenseLocation {
  const text = value.trim();
  const colon = text.indexOf(':');
  const scheme = text.slice(0, Math.max(colon, 0)).toLowerCase();
  if (scheme === 'data') {
    if (text.length > LICENSE_LOCATION_LIMITS.data) throw refuse(`data: has at most ${LICENSE_LOCATION_LIMITS.data} characters`);
    return { scheme, file: dataFile(text.slice(colon + 1)) };
  }
  const known = (LOCAL_FILE_SYSTEMS as readonly string[]).includes(scheme) || (REMOTE_PROTOCOLS as readonly string[]).includes(scheme);
  if (!known) {
    throw refuse(`must start with data: or one of ${[...LOCAL_FILE_SYSTEMS, ...REMOTE_PROTOCOLS].sort().map((s) => `${s}:`).join(' ')}, ${EXAMPLE}`);
  }
  if (text.length > LICENSE_LOCATION_LIMITS.location) throw refuse(`has at most ${LICENSE_LOCATION_LIMITS.location} characters`);
  if (CONTROL_OR_SPACE.test(text)) throw refuse('cannot contain spaces or control characters');
  const location = scheme + text.slice(colon);
  const checked = (REMOTE_PROTOCOLS as readonly string[]).includes(scheme) ? remoteLocation(scheme, location) : localLocation(scheme, location);
  return { scheme, location: checked };
}
