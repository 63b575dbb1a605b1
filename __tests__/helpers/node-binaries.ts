// The Node binaries the end-to-end tests run dist/ with: the one running jest (20 on this
// machine) and the Node 24 the runner uses (installed by scripts/install-node24.sh).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface NodeBinary {
  name: string;
  path: string;
}

export const NODE24_PATH = process.env.NODE24_BIN ?? resolve('.tools/node24/bin/node');

export function nodeBinaries(): { available: NodeBinary[]; missing: string[] } {
  const current = { name: `node${process.versions.node.split('.')[0]}`, path: process.execPath };
  const available: NodeBinary[] = [current];
  const missing: string[] = [];
  if (current.name !== 'node24') {
    if (existsSync(NODE24_PATH)) available.push({ name: 'node24', path: NODE24_PATH });
    else missing.push(`node24: not installed at ${NODE24_PATH} (run scripts/install-node24.sh)`);
  }
  return { available, missing };
}
