// Runs once before all suites. The end-to-end suites run the committed dist/, so nothing is
// built here; `npm test` fails in dist-freshness.test.ts when dist/ is stale.
export default function globalSetup(): void {}
