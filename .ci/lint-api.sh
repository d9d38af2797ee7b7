#!/usr/bin/env bash
# Lints the API reference that a running Mizani serves (default http://localhost:8080) with Redocly's recommended
# rules, every warning counted as an error (redocly.yaml); a problem that stays is justified in
# .redocly.lint-ignore.yaml. Redocly CLI comes from the npm registry at a pinned version.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-http://localhost:8080}
REDOCLY_VERSION=2.77.0
# A fixed path, because the ignore file names the file its entries are for.
DOCUMENT=app/target/openapi-served.json
mkdir -p "$(dirname "$DOCUMENT")"
curl -sf "$BASE/v3/api-docs" -o "$DOCUMENT"
echo "lint-api: linting $BASE/v3/api-docs with Redocly CLI $REDOCLY_VERSION"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  npx --yes "@redocly/cli@$REDOCLY_VERSION" lint "$DOCUMENT" --config redocly.yaml --format=stylish --max-problems 100
