#!/usr/bin/env bash
# Runs every check of the project in order: types, lint, layers, Node tests (Vitest), browser tests (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s ===\n' "$1"; }
step "typecheck (tsc --noEmit)"
npx tsc --noEmit && echo "typecheck: ok"
step "lint (biome)"
npx biome check src e2e scripts *.ts
step "layers (import graph of src/)"
npx tsx scripts/check-layers.ts
step "unit and science tests (vitest, Node)"
npx vitest run
step "browser tests (playwright, Chromium)"
node scripts/ensure-browser.mjs
npx playwright test --reporter=list
