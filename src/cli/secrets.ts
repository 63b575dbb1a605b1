// Where the CLI's secrets come from: environment variables, or, on a terminal, a prompt that does
// not echo what is typed.
import type { RawInputs } from '../settings/types.js';
import { SECRET_ENV } from '../settings/inputs.js';

export interface SecretInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  removeListener(event: 'data', listener: (chunk: string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export interface TextOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Secret inputs taken from the environment; the password exactly as given (untrimmed). */
export function secretsFromEnv(env: NodeJS.ProcessEnv): RawInputs {
  const raw: RawInputs = {};
  for (const [input, variable] of Object.entries(SECRET_ENV)) {
    const value = env[variable];
    if (value) raw[input as keyof RawInputs] = value;
  }
  return raw;
}

export class PromptCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Asks for a secret with echo off: raw mode, so the terminal shows nothing of what is typed.
 * Enter ends it; Backspace deletes; Ctrl-C cancels.
 */
export function promptHidden(
  question: string,
  input: SecretInput,
  output: TextOutput,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    output.write(question);
    input.setRawMode?.(true);
    input.setEncoding('utf8');
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new PromptCancelled());
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    input.on('data', onData);
    input.resume();
  });
}
