// Prints every skipped test with its full name at the end of `npm test`, so that a suite skipped
// for a reason (no mail servers, not root, no Node 24 binary, no xmllint) says why in the output
// instead of only adding to the "skipped" count. Suites put the reason in their names.
export default class SkipReporter {
  onRunComplete(_contexts, results) {
    const skipped = new Map();
    for (const file of results.testResults)
      for (const test of file.testResults)
        if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') {
          const name = [...test.ancestorTitles, test.title].join(' › ');
          const where = file.testFilePath.replace(`${process.cwd()}/`, '');
          skipped.set(where, [...(skipped.get(where) ?? []), name]);
        }
    if (!skipped.size) return;
    const lines = ['', 'Skipped tests, and why (the reason is in the name):'];
    for (const [file, names] of skipped) {
      lines.push(`  ${file}`);
      // A skipped suite repeats its reason in every test: show the first few.
      for (const name of names.slice(0, 3)) lines.push(`    - ${name}`);
      if (names.length > 3) lines.push(`    … and ${names.length - 3} more`);
    }
    process.stderr.write(`${lines.join('\n')}\n`);
  }
}
