// The only module that reads action inputs. Secret inputs are masked the moment they are read,
// before anything else can print; the password is read untrimmed (ROPC needs it exactly).
import * as core from './workflow-commands.js';
import { INPUT_NAMES, SECRET_INPUTS } from '../settings/inputs.js';
import type { RawInputs } from '../settings/types.js';

export function readActionInputs(): RawInputs {
  const raw: RawInputs = {};
  for (const name of INPUT_NAMES) {
    const value = core.getInput(name, { trimWhitespace: name !== 'password' });
    if (SECRET_INPUTS.includes(name) && value) {
      core.setSecret(value);
      // A value with surrounding spaces is also masked trimmed: logs may show either.
      if (value.trim() && value.trim() !== value) core.setSecret(value.trim());
    }
    raw[name] = value;
  }
  return raw;
}
