// Imported first by the CLI's entry point, before anything can load undici's HTTP parser.
//
// undici parses HTTP with llhttp compiled to WebAssembly. V8 compiles it quickly with Liftoff,
// then optimises it with TurboFan on a background thread; on Node 20 (V8 11.3) the process
// cannot exit until that background job is done, so the CLI lingered 0.2–0.6 s after printing
// its verdict (measured: an idle main thread blocked on a futex until the tier-up finished;
// `--liftoff-only` removed it). A preflight parses a handful of small responses: baseline code
// is plenty. The flag must be set before the module is compiled, hence this first import.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only');
