// What no rendering of server text may contain (issue 11), shared by the property test and the
// hostile-server tests through dist/.

/** C0 controls other than tab and line feed, DEL, C1 controls, bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Lines of a runner log that the runner would read as a workflow command. */
export function commandLines(log: string): string[] {
  return log
    .split(/\r?\n|\r/)
    .filter((line) => line.trimStart().startsWith('::') || line.includes('##['));
}

/**
 * Lines of a log that the runner reads as workflow commands other than the ones the action
 * writes itself (annotations, debug, add-mask): an injected set-output, stop-commands, add-path,
 * or any legacy ##[ command.
 */
export function injectedCommands(log: string): string[] {
  return commandLines(log).filter(
    (line) =>
      line.includes('##[') || !/^::(error|warning|notice|debug|add-mask)( [^:]*)?::/.test(line),
  );
}
