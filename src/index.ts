// Entry point of the action (dist/index.js): nothing but run().
import { run } from './action/run.js';

await run();
