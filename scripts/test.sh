#!/usr/bin/env bash
# The one test command (`npm test`): type check, lint, migration drift check,
# Vitest (unit + integration on the embedded database and on PostgreSQL), a
# production build, and Playwright in Chromium on both databases. Every runner
# prints its own summary; the last line sums them all: `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

passed=0
failed=0
report_dir=$(mktemp -d)
pg_datadir=""

cleanup() {
  if [ -n "$pg_datadir" ]; then npx --no-install tsx tests/support/postgres-cli.ts stop "$pg_datadir" >/dev/null 2>&1; fi
  rm -rf "$report_dir"
}
trap cleanup EXIT

# A check that is one pass or one failure (type check, lint, drift, build).
check() {
  local name=$1
  shift
  echo "── $name"
  if "$@"; then
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

check typecheck npx --no-install tsc --noEmit -p .
check lint npx --no-install eslint --max-warnings=0 .
check migrations npx --no-install tsx scripts/migration-new.ts --check

echo "── postgres"
if pg_line=$(npx --no-install tsx tests/support/postgres-cli.ts start); then
  pg_url=${pg_line% *}
  pg_datadir=${pg_line#* }
  echo "PostgreSQL for the tests at $pg_url"
else
  echo "could not start PostgreSQL"
  failed=$((failed + 1))
fi

echo "── vitest"
TEST_POSTGRES_URL=${pg_url:-} npx --no-install vitest run --project unit --project integration-pglite --project integration-postgres --reporter=default --reporter=json --outputFile.json="$report_dir/vitest.json"
count_report "$report_dir/vitest.json" vitest

check build npx --no-install next build

echo "── vitest over HTTP (the production server)"
TEST_POSTGRES_URL=${pg_url:-} npx --no-install vitest run --project http --reporter=default --reporter=json --outputFile.json="$report_dir/vitest-http.json"
count_report "$report_dir/vitest-http.json" vitest

for db in embedded postgres; do
  echo "── playwright ($db database)"
  if [ "$db" = postgres ]; then
    [ -n "${pg_url:-}" ] || continue
    e2e_url="${pg_url%/*}/claimscope_e2e"
    psql "${pg_url}" -qc "DROP DATABASE IF EXISTS claimscope_e2e" -c "CREATE DATABASE claimscope_e2e" >/dev/null
    PLAYWRIGHT_JSON_OUTPUT_NAME="$report_dir/e2e-$db.json" DATABASE_URL="$e2e_url" \
      npx --no-install playwright test --reporter=list,json
  else
    PLAYWRIGHT_JSON_OUTPUT_NAME="$report_dir/e2e-$db.json" E2E_PGLITE_DIR=".data/e2e-$$" \
      npx --no-install playwright test --reporter=list,json
    rm -rf ".data/e2e-$$"
  fi
  count_report "$report_dir/e2e-$db.json" playwright
done

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
