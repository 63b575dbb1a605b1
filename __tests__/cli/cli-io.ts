// In-memory streams for driving runCli: what it printed, and a terminal stdin that types
// answers when the CLI switches it to raw mode (as a real terminal would deliver keystrokes).
import { EventEmitter } from 'node:events';
import type { CliIo } from '../../src/cli/main.js';

export class MemoryOutput {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export class FakeTerminal extends EventEmitter {
  readonly isTTY: boolean = true;
  rawMode = false;
  rawModeHistory: boolean[] = [];
  constructor(private readonly keystrokes: string[]) {
    super();
  }
  setRawMode(mode: boolean): this {
    this.rawMode = mode;
    this.rawModeHistory.push(mode);
    return this;
  }
  setEncoding(): this {
    return this;
  }
  resume(): this {
    // Keystrokes arrive only after the prompt switched echo off.
    const next = this.keystrokes.shift();
    if (next !== undefined && this.rawMode) queueMicrotask(() => this.emit('data', next));
    return this;
  }
  pause(): this {
    return this;
  }
}

/** stdin of a pipe or /dev/null: not a terminal, so the CLI never prompts. */
export class PipedStdin extends FakeTerminal {
  override readonly isTTY = false;
  constructor() {
    super([]);
  }
}

export function cliIo(
  env: NodeJS.ProcessEnv = {},
  options: { tty?: boolean; stdin?: FakeTerminal } = {},
): { io: CliIo; stdout: MemoryOutput; stderr: MemoryOutput } {
  const stdout = new MemoryOutput(options.tty ?? false);
  const stderr = new MemoryOutput(options.tty ?? false);
  return { io: { env, stdin: options.stdin ?? new PipedStdin(), stdout, stderr }, stdout, stderr };
}
