#!/usr/bin/env bash
# `npm test`: everything from a fresh Debian/Ubuntu machine to one closing line.
#   1. system packages the tests use (chromium, mariadb-server, redis-server)
#   2. npm dependencies (npm ci, without Electron's or Chrome's binary downloads)
#   3. build, lint + format check, typecheck of every tsconfig, vitest, Playwright
#   4. the plain total `N passed, N failed, N skipped` over all of it, as the last line
#      (a test that never ran counts as failed; tests/tooling/test-counts.ts)
set -uo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
results=.tmp/results
rm -rf "$results" && mkdir -p "$results"
: > "$results/checks.txt"

# ── 1. system packages ────────────────────────────────────────────────────────────────
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
{ command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ]; } || missing+=(mariadb-server)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
      { echo "apt-get install ${missing[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "The tests need these system packages: ${missing[*]}"
    echo "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# ── 2. npm dependencies ───────────────────────────────────────────────────────────────
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm dependencies (npm ci)…"
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# ── 3. the suites ─────────────────────────────────────────────────────────────────────
check() { # check <name> <command…>: a build/lint/typecheck step counts as one test
  local name=$1; shift
  echo "▶ $name"
  if "$@"; then echo "pass $name" >> "$results/checks.txt"; else echo "fail $name" >> "$results/checks.txt"; return 1; fi
}

# The end-to-end tests run dist/: after a failed build they would test the previous one.
if ! check build node scripts/build.mjs; then
  echo "The build failed (output above): stopping here instead of testing an old dist/."
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
check lint npx eslint --max-warnings 0 .
check format npx prettier --check --log-level warn .
for cfg in common node renderer tests; do
  check "typecheck:$cfg" npx tsc -p "tsconfig.$cfg.json"
done

echo "▶ vitest (unit + integration)"
# The count reporter records what the total needs: declared skips vs tests that never ran.
BLAZZ_VITEST_COUNTS_FILE="$results/vitest-counts.json" \
  npx vitest run --reporter=default --reporter=./tests/tooling/vitest-count-reporter.ts

echo "▶ playwright (e2e in Debian's Chromium)"
npx playwright test

# ── 4. one total ──────────────────────────────────────────────────────────────────────
node --import tsx tests/tooling/summarize-tests.ts "$results"
