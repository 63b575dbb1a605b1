// The action bundle's entry (dist/action/index.js), loaded by src/index.ts: nothing but run().
import { run } from './run.js';

await run();
