// The runner's workflow-command protocol, byte for byte as @actions/core 3 writes it, for the
// functions this action uses. Why not @actions/core itself: importing it loads
// @actions/http-client and with it all of undici (for OIDC, which this action never uses),
// about a third of a token-only run's start-up on Node 24 (docs/development.md). The names and
// signatures are core's, so code reads the same; __tests__/action/workflow-commands.test.ts
// compares every function's output with core's.
import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  openSync,
  writeSync,
} from 'node:fs';
import { access, appendFile, constants } from 'node:fs/promises';
import { EOL } from 'node:os';
import { logText } from '../text/sanitise.js';

export interface InputOptions {
  required?: boolean;
  trimWhitespace?: boolean;
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

type CommandProperties = Record<string, string | number | undefined>;

const toCommandValue = (input: unknown): string =>
  input === null || input === undefined
    ? ''
    : typeof input === 'string'
      ? input
      : JSON.stringify(input);

const escapeData = (value: unknown): string =>
  toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

const escapeProperty = (value: unknown): string =>
  escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');

function issueCommand(command: string, properties: CommandProperties, message: unknown) {
  let text = `::${command}`;
  const keys = Object.keys(properties);
  if (keys.length) {
    // As core does: a space after the name whenever properties were given, even if all empty.
    text += ` ${keys
      .filter((key) => properties[key])
      .map((key) => `${key}=${escapeProperty(properties[key])}`)
      .join(',')}`;
  }
  process.stdout.write(`${text}::${escapeData(message)}${EOL}`);
}

function toCommandProperties(properties: AnnotationProperties): CommandProperties {
  if (!Object.keys(properties).length) return {};
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn,
  };
}

function issueFileCommand(command: string, message: string): void {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
  appendFileSync(filePath, `${message}${EOL}`, { encoding: 'utf8' });
}

/**
 * A version-4-shaped UUID, as core's randomUUID() gives, from Math.random: loading node:crypto
 * for it cost more than the rest of writing the outputs (10-25 ms on Node 20, `npm run bench`).
 * The delimiter need not be secret: the checks below refuse a name or value that contains it, so
 * no value can end the heredoc early, whatever it holds.
 */
function delimiterId(): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(Math.random() * 4)]!;
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

function prepareKeyValueMessage(key: string, value: unknown): string {
  const delimiter = `ghadelimiter_${delimiterId()}`;
  const converted = toCommandValue(value);
  if (key.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (converted.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${key}<<${delimiter}${EOL}${converted}${EOL}${delimiter}`;
}

export function getInput(name: string, options?: InputOptions): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
  if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return options?.trimWhitespace === false ? value : value.trim();
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    return;
  }
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

/**
 * Several outputs in one write, all or none: with GITHUB_OUTPUT, the file is cut back to its
 * length before the write when the write fails (a full disk), so that the runner never reads half
 * a `name<<delimiter` block. (Not a function of core's; each block is built as core builds it.)
 */
export function setOutputs(outputs: readonly (readonly [string, unknown])[]): void {
  const path = process.env.GITHUB_OUTPUT;
  if (!path) {
    for (const [name, value] of outputs) setOutput(name, value);
    return;
  }
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`);
  const text = outputs.map(([name, value]) => `${prepareKeyValueMessage(name, value)}${EOL}`);
  const bytes = Buffer.from(text.join(''), 'utf8');
  const fd = openSync(path, 'a');
  try {
    const before = fstatSync(fd).size;
    try {
      for (let done = 0; done < bytes.length;)
        done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      try {
        ftruncateSync(fd, before);
      } catch {
        // Not a regular file (a pipe): nothing to cut back.
      }
      throw error;
    }
  } finally {
    closeSync(fd);
  }
}

export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

// Everything below that prints text passes it through logText (text/sanitise.ts): no line of
// ours starts with `::` or holds `##[`, and no control character reaches the log, whatever a
// server put in the text. (setSecret is the exception: a mask must be the value itself.)
export function debug(message: string): void {
  issueCommand('debug', {}, logText(message));
}

const annotate =
  (command: 'error' | 'warning' | 'notice') =>
  (message: string | Error, properties: AnnotationProperties = {}): void =>
    issueCommand(
      command,
      toCommandProperties({
        ...properties,
        ...(properties.title === undefined ? {} : { title: logText(properties.title) }),
      }),
      logText(message instanceof Error ? message.toString() : message),
    );

export const error = annotate('error');
export const warning = annotate('warning');
export const notice = annotate('notice');

export function info(message: string): void {
  process.stdout.write(logText(message) + EOL);
}

let summaryPath: string | undefined;

/**
 * Appends `text` to the job summary file (GITHUB_STEP_SUMMARY), as core's
 * `summary.addRaw(text).write()` does, with the same errors: the path is found and checked once
 * per process.
 */
export async function appendSummary(text: string): Promise<void> {
  if (!summaryPath) {
    const path = process.env.GITHUB_STEP_SUMMARY;
    if (!path)
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
      );
    try {
      await access(path, constants.R_OK | constants.W_OK);
    } catch {
      throw new Error(
        `Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`,
      );
    }
    summaryPath = path;
  }
  await appendFile(summaryPath, text, { encoding: 'utf8' });
}
