#!/usr/bin/env bash
# Rebuilds package-lock.json from package.json alone. npm 11, when it adds a
# package to an existing lock, can leave out other platforms' optional packages
# (@unrs/resolver-binding-*, @next/swc-*), and `npm ci` on a clean machine then
# refuses the lock. A lock resolved from scratch lists them all.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp package.json .npmrc "$tmp/"
(cd "$tmp" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund >/dev/null)
cp "$tmp/package-lock.json" package-lock.json
echo "package-lock.json rebuilt"
