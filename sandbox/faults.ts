// Faults the sandbox can inject before a route answers: an HTTP status (with Retry-After), a
// request that never gets an answer, an HTML page, malformed JSON, JSON of an unexpected shape,
// or any Entra error code on the token route. Each fault applies `times`
// times to requests of its route, then is used up. Latency applies to every request.

export type FaultRoute = 'token' | 'graph' | 'any';
export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; times: number; route: FaultRoute }
  | { kind: 'hang'; times: number; route: FaultRoute }
  | { kind: 'html'; status?: number; times: number; route: FaultRoute }
  | { kind: 'malformed-json'; times: number; route: FaultRoute }
  /** 200 with JSON that is neither a token nor an error (an unexpected shape). */
  | { kind: 'unexpected-shape'; times: number; route: FaultRoute }
  /** The token route answers Entra's error for this AADSTS code (sandbox/entra-errors.ts). */
  | {
      kind: 'entra-error';
      code: number;
      /** For codes without a sandbox text: the answer to give. */
      spec?: { status: number; error: string; text: string };
      times: number;
      route: 'token';
    };

export class FaultPlan {
  private readonly faults: Fault[] = [];
  latencyMs = 0;

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  clear(): void {
    this.faults.length = 0;
    this.latencyMs = 0;
  }

  /** The fault that applies to this request, used up by one. */
  take(route: Exclude<FaultRoute, 'any'>): Fault | undefined {
    const fault = this.faults.find((f) => f.times > 0 && (f.route === route || f.route === 'any'));
    if (fault) fault.times -= 1;
    return fault;
  }
}
