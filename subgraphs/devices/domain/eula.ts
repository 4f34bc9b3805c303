import { BadUserInputError } from '../../../lib/errors';

/** The end-user license agreement that devices show (seed 004 GET /api/v1/license/eula). */
export const EULA_TEXT = `PLEASE READ THE FOLLOWING TERMS CAREFULLY. INSTALLING THE LICENSE OR
LICENSE KEY PROVIDED FOR ANY CISCO PRODUCT FEATURE OR USING SUCH
PRODUCT FEATURE CONSTITUTES YOUR FULL ACCEPTANCE OF THE FOLLOWING
TERMS. YOU MUST NOT PROCEED FURTHER IF YOU ARE NOT WILLING TO BE BOUND
BY ALL THE TERMS SET FORTH HEREIN.

You hereby acknowledge and agree that the product feature license
is terminable and that the product feature enabled by such license
may be shut down or terminated by Cisco after expiration of the
applicable term of the license (e.g., 30-day trial period). Cisco
reserves the right to terminate or shut down any such product feature
electronically or by any other means available. While alerts or such
messages may be provided, it is your sole responsibility to monitor
your terminable usage of any product feature enabled by the license
and to ensure that your systems and networks are prepared for the shut
down of the product feature. You acknowledge and agree that Cisco will
not have any liability whatsoever for any damages, including, but not
limited to, direct, indirect, special, or consequential damages related
to any product feature being shutdown or terminated. By clicking the
"accept" button or typing "yes" you are indicating you have read and
agree to be bound by all the terms provided herein.`;

/** The GET EULA request URI of seed 004, the example value of `eula-uri`. */
export const DEFAULT_EULA_URI = '/api/v1/license/eula';

const MAX_EULA_URI_LENGTH = 2048;

/**
 * `eula-uri` is the link to the EULA object that the user read (seed 004): an absolute path such
 * as `/api/v1/license/eula` or an absolute http(s) URL. Naming it is part of the acknowledgment.
 */
export function checkEulaUri(value: string, argumentPath: ReadonlyArray<string | number>): string {
  const uri = value.trim();
  const isPath = /^\/[^\s]*$/.test(uri);
  const isUrl = /^https?:\/\/[^\s/]+[^\s]*$/i.test(uri);
  if (uri.length > MAX_EULA_URI_LENGTH || !(isPath || isUrl)) {
    throw new BadUserInputError('eulaUri must be the link to the EULA object: an absolute path (e.g. /api/v1/license/eula) or an http(s) URL', argumentPath);
  }
  return uri;
}

/** The EULA features of a device: the distinct features of its license lines, in order of first appearance. */
export function eulaFeatures(features: readonly string[], accepted: boolean): Array<{ featureName: string; eulaAccepted: boolean }> {
  return [...new Set(features)].map((featureName) => ({ featureName, eulaAccepted: accepted }));
}
