#!/usr/bin/env bash
# Builds and starts the 'use cache' prototype (README "The public cache") on PORT (3600).
# Needs DATABASE_URL (a bench:web PostgreSQL corpus); with REDIS_URL it is built with the Redis
# cache handler, without it with Next's in-memory one. It is built in a copy under
# .bench-data with its own lockfile: inside the repository, Turbopack would take the repository's
# lockfile as its root and compile the app's files too.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
dir="$repo/.bench-data/use-cache-prototype"
rm -rf "$dir"
mkdir -p "$dir"
cp -r "$here"/. "$dir"/
rm -f "$dir/run.sh"
# The app's own stylesheet: the static file both servers are measured against (app/layout.tsx imports it).
cp "$repo/app/globals.css" "$dir/app/globals.css"
cp "$repo/package-lock.json" "$dir/"
cp -al "$repo/node_modules" "$dir/node_modules" 2>/dev/null || cp -r "$repo/node_modules" "$dir/node_modules"
cd "$dir"
NEXT_TELEMETRY_DISABLED=1 npx next build
exec env NODE_ENV=production npx next start -p "${PORT:-3600}" -H 127.0.0.1
