#!/usr/bin/env bash
# `npm test`: every suite — typecheck, lint, Vitest (unit + integration), Playwright journeys on a production build.
# Integration tests use Postgres when DATABASE_URL is set, embedded PGlite otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-chromium.sh

echo "== typecheck"
npx tsc --noEmit
echo "== lint"
npx eslint . --max-warnings 0
echo "== format"
npx prettier --check . --log-level warn
if [[ -n ${DATABASE_URL:-} ]]; then db_label=Postgres; else db_label=PGlite; fi
echo "== unit + integration ($db_label)"
npx vitest run
echo "== e2e (Chromium against next build && next start)"
npm run test:e2e
