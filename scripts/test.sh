#!/usr/bin/env bash
# The one test command (`npm test`): lint, migration drift check,
# Vitest (unit + integration on the embedded database and on PostgreSQL), a
# production build (which type-checks every file tsconfig.json includes, tests
# and scripts too, so no separate `tsc` runs beside it), Vitest over HTTP against that build, and Playwright in
# Chromium, its specs shared between the two databases. Every runner prints its own summary; the last
# line sums them all: `N passed, N failed`.
#
# Independent runners run at the same time, in three phases, so the suite stays
# well under CI's time limit as it grows:
#   1. lint ‖ migration check ‖ production build with its type check ‖ PostgreSQL start
#   2. Vitest (unit + integration, one worker per core) ‖ Vitest over HTTP (one file
#      at a time against the build; its tests mostly wait on servers, limits and
#      timers, so it fills the cores Vitest leaves idle; it migrates its own
#      template databases, tests/support/global-http.ts)
#   3. Playwright on the embedded database ‖ Playwright on PostgreSQL, each spec
#      on one of them (each on its own ports — 3100 and 3110, a spec may take the
#      next few for servers of its own — database and output directory)
# A parallel runner's output is printed whole when it ends, so logs stay readable.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

passed=0
failed=0
report_dir=$(mktemp -d)
pg_datadir=""
e2e_pglite_dir=".data/e2e-$$"
started=$(date +%s)

cleanup() {
  if [ -n "$pg_datadir" ]; then npx --no-install tsx tests/support/postgres-cli.ts stop "$pg_datadir" >/dev/null 2>&1; fi
  rm -rf "$report_dir" "$e2e_pglite_dir"
}
trap cleanup EXIT

# Starts a runner in the background; its output goes to $report_dir/NAME.log.
start() {
  local name=$1
  shift
  ("$@") >"$report_dir/$name.log" 2>&1 &
  eval "pid_$name=$!"
}

# Waits for a runner started with `start`, prints its output and its time.
finish() {
  local name=$1 pid rc
  pid=$(eval "echo \$pid_$name")
  wait "$pid"
  rc=$?
  echo "── $name"
  cat "$report_dir/$name.log"
  return $rc
}

# A check that is one pass or one failure (lint, drift, build).
check() {
  local name=$1
  if finish "$name"; then
    passed=$((passed + 1))
    echo "$name: 1 passed, 0 failed"
  else
    failed=$((failed + 1))
    echo "$name: 0 passed, 1 failed"
  fi
}

# Adds a JSON report's counts: vitest (numPassedTests…) or playwright (stats).
count_report() {
  local file=$1 kind=$2
  if [ ! -s "$file" ]; then
    failed=$((failed + 1))
    echo "$kind: no report (the runner did not start)"
    return
  fi
  local counts
  counts=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (process.argv[2] === "vitest") console.log(r.numPassedTests, r.numFailedTests + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0));
    else console.log(r.stats.expected + r.stats.flaky, r.stats.unexpected);
  ' "$file" "$kind")
  passed=$((passed + ${counts% *}))
  failed=$((failed + ${counts#* }))
}

elapsed() { echo "($(($(date +%s) - started)) s so far)"; }

# ── Phase 1
start lint npx --no-install eslint --max-warnings=0 .
start migrations npx --no-install tsx scripts/migration-new.ts --check
start build npx --no-install next build
if pg_line=$(npx --no-install tsx tests/support/postgres-cli.ts start); then
  pg_url=${pg_line% *}
  pg_datadir=${pg_line#* }
  echo "── PostgreSQL for the tests at $pg_url"
else
  echo "── could not start PostgreSQL"
  pg_url=""
  failed=$((failed + 1))
fi
check lint
check migrations
check build
elapsed

# ── Phase 2
http() {
  TEST_POSTGRES_URL=$pg_url npx --no-install vitest run --project http --reporter=default --reporter=json --outputFile.json="$report_dir/vitest-http.json"
}
start http http
echo "── vitest"
# Vitest's default on two cores is one file at a time; its files wait on databases and child
# processes often enough that one per core is faster (17 min → 12 min on two cores).
workers=$(nproc)
[ "$workers" -ge 2 ] || workers=2
TEST_POSTGRES_URL=$pg_url npx --no-install vitest run --project unit --project integration-pglite --project integration-postgres --maxWorkers="$workers" --reporter=default --reporter=json --outputFile.json="$report_dir/vitest.json"
count_report "$report_dir/vitest.json" vitest
elapsed

# ── Phase 3
# Every browser spec runs once, against one of the two databases: the specs below on
# PostgreSQL (concurrent saves, the job worker, the public cache, lockouts), every other
# spec — a new one included — on the embedded database. Running all of them on both
# doubled the suite's longest phase on CI's two cores; the data layer itself runs on both
# databases in the Vitest phase. `E2E_EVERYWHERE=1 npm test` runs every spec on both.
postgres_specs="authorization editor-workspace editorial-integrity hardening-xss reader-cache security-admin sign-in-redirect source-editing speaker-identity tracking"
e2e_specs() {
  local which=$1 spec name
  for spec in tests/e2e/*.spec.ts; do
    name=$(basename "$spec" .spec.ts)
    if [ -n "${E2E_EVERYWHERE:-}" ]; then echo "$spec"; continue; fi
    case " $postgres_specs " in
      *" $name "*) [ "$which" = postgres ] && echo "$spec" ;;
      *) [ "$which" = embedded ] && echo "$spec" ;;
    esac
  done
}
e2e_embedded() {
  # shellcheck disable=SC2046 # one argument per spec file; none has a space
  E2E_PORT=3100 E2E_OUTPUT_DIR=test-results/embedded PLAYWRIGHT_JSON_OUTPUT_NAME="$report_dir/e2e-embedded.json" E2E_PGLITE_DIR="$e2e_pglite_dir" \
    npx --no-install playwright test --reporter=list,json $(e2e_specs embedded)
}
e2e_postgres() {
  local e2e_url="${pg_url%/*}/claimscope_e2e"
  # shellcheck disable=SC2046
  psql "$pg_url" -qc "DROP DATABASE IF EXISTS claimscope_e2e" -c "CREATE DATABASE claimscope_e2e" >/dev/null &&
    E2E_PORT=3110 E2E_OUTPUT_DIR=test-results/postgres PLAYWRIGHT_JSON_OUTPUT_NAME="$report_dir/e2e-postgres.json" DATABASE_URL="$e2e_url" \
      npx --no-install playwright test --reporter=list,json $(e2e_specs postgres)
}
start playwright_embedded e2e_embedded
[ -n "$pg_url" ] && start playwright_postgres e2e_postgres
finish http
count_report "$report_dir/vitest-http.json" vitest
finish playwright_embedded
count_report "$report_dir/e2e-embedded.json" playwright
if [ -n "$pg_url" ]; then
  finish playwright_postgres
  count_report "$report_dir/e2e-postgres.json" playwright
fi
elapsed

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
