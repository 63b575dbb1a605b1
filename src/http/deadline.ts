// The run's overall deadline (`timeout-seconds`): every request and probe gets at most what is left.

export class Deadline {
  readonly expiresAt: number;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly totalMs: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.expiresAt = clock() + totalMs;
    this.timer = setTimeout(() => this.controller.abort(new Error('deadline')), totalMs);
    this.timer.unref();
  }

  remainingMs(): number {
    return Math.max(0, this.expiresAt - this.clock());
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

/**
 * A wait between retries that ends early when the run's deadline fires: it never rejects, so the
 * caller goes on to its next attempt, which then reports the deadline with the endpoint's name.
 */
export const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
