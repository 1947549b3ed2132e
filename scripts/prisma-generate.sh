#!/usr/bin/env bash
# `prisma generate` needs no engine, but the Prisma 7 CLI insists on a schema-engine
# binary path existing; any file will do (it is never executed for generate).
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/package.json}"
exec npx --no-install prisma generate "$@"
