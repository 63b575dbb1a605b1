// A fix as a person copies it: the words, and apart from them the commands (Exchange Online
// PowerShell, the Azure CLI, URLs to open) that the job summary and the check run show once, in
// a fenced code block under the failing check, instead of inside a table cell.

export interface SplitFix {
  /** The fix in words, commands taken out. */
  prose: string;
  commands: string[];
  /** Fence language for GitHub's highlighting: powershell, sh, or '' for mixed or URLs. */
  language: string;
}

/** `Verb-Noun -Param ...` (PowerShell), `az ...`, `Connect-ExchangeOnline`, or a bare URL. */
const COMMAND = /^(?:[A-Z][a-z]+-[A-Z][A-Za-z]+(?:\s|$)|az\s|https?:\/\/\S+$)/;

export function splitFix(remediation: string | undefined): SplitFix {
  const prose: string[] = [];
  const commands: string[] = [];
  for (const raw of (remediation ?? '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (COMMAND.test(line)) {
      commands.push(line);
      continue;
    }
    // "In Exchange Online PowerShell: Set-CASMailbox ..." – the words keep their colon.
    const at = line.search(/:\s+(?:[A-Z][a-z]+-[A-Z][A-Za-z]+\s|az\s)/);
    if (at > 0) {
      prose.push(line.slice(0, at + 1));
      commands.push(line.slice(at + 1).trim());
    } else prose.push(line);
  }
  const powershell = commands.some((c) => /^[A-Z][a-z]+-[A-Z]/.test(c));
  const az = commands.some((c) => c.startsWith('az '));
  return {
    prose: prose.join('\n'),
    commands,
    language: powershell && !az ? 'powershell' : az && !powershell ? 'sh' : '',
  };
}
