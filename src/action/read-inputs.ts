// The only module that reads action inputs. Secret inputs are masked the moment they are read,
// before anything else can print; the password is read untrimmed (ROPC needs it exactly).
import * as core from './workflow-commands.js';
import { secretParts } from '../engine/redactor.js';
import { pemSecretParts } from '../settings/pem-mask.js';
import { INPUT_NAMES, SECRET_INPUTS } from '../settings/inputs.js';
import type { RawInputs } from '../settings/types.js';

export function readActionInputs(): RawInputs {
  const raw: RawInputs = {};
  for (const name of INPUT_NAMES) {
    const value = core.getInput(name, { trimWhitespace: name !== 'password' });
    // Masked trimmed too (logs may show either), and line by line for a multi-line value; a PEM
    // also by each line of its private key block.
    if (SECRET_INPUTS.includes(name) && value) {
      for (const part of secretParts(value)) core.setSecret(part);
      if (name === 'client-certificate')
        for (const part of pemSecretParts(value)) core.setSecret(part);
    }
    raw[name] = value;
  }
  return raw;
}

/**
 * The runner's OIDC request token is a secret (it mints tokens for this job): masked before
 * anything else is printed, whether or not this run uses federation.
 */
export function maskRunnerSecrets(env: NodeJS.ProcessEnv = process.env): void {
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (requestToken) core.setSecret(requestToken);
}
