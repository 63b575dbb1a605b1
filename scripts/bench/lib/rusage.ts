// Wall time, CPU time and peak RSS of one child process, as the kernel counts them: the child is
// started through a few lines of Python that call wait4(2), whose rusage has microsecond CPU
// times (Node can read only its own). Without python3 the CPU and RSS figures are NaN.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessUsage {
  /** Spawn to exit, milliseconds. */
  wall: number;
  /** User + system CPU, milliseconds (all threads). */
  cpu: number;
  /** Peak resident set size, MB. */
  rssMb: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

const WAIT4 = `import os, sys, time, json
t = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, ru = os.wait4(pid, 0)
wall = (time.perf_counter() - t) * 1000
with open(sys.argv[1], 'w') as f:
    json.dump({'wall': wall, 'cpu': (ru.ru_utime + ru.ru_stime) * 1000, 'rss': ru.ru_maxrss / 1024, 'code': os.waitstatus_to_exitcode(status)}, f)
`;

const dir = mkdtempSync(join(tmpdir(), 'bench-rusage-'));
const script = join(dir, 'wait4.py');
writeFileSync(script, WAIT4);
const python =
  spawnSync('python3', ['-c', 'import os; os.wait4'], { stdio: 'ignore' }).status === 0;
let serial = 0;

/** Whether CPU and RSS can be measured here (python3 with os.wait4). */
export const rusageAvailable = python;

export function measureProcess(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<ProcessUsage> {
  const out = join(dir, `usage-${++serial}.json`);
  const started = performance.now();
  const child = python
    ? spawn('python3', [script, out, command, ...args], {
        ...options,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (!python)
        return resolve({
          wall: performance.now() - started,
          cpu: NaN,
          rssMb: NaN,
          code,
          stdout,
          stderr,
        });
      try {
        const u = JSON.parse(readFileSync(out, 'utf8')) as {
          wall: number;
          cpu: number;
          rss: number;
          code: number;
        };
        resolve({ wall: u.wall, cpu: u.cpu, rssMb: u.rss, code: u.code, stdout, stderr });
      } catch {
        reject(new Error(`could not measure ${command} ${args.join(' ')}: ${stderr}`));
      }
    });
  });
}
