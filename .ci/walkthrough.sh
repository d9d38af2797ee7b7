#!/usr/bin/env bash
# Tries the README as a new user would on a fresh clone: starts Mizani with the README's run command, exactly as
# written, waits for it to be healthy, then runs the README's walkthrough (its bash blocks after the first) in one
# shell; then lints the API reference the app serves, runs the request collection (docs/http) and does a deposit, a
# transfer and a payout in Swagger UI. It fails when the README has drifted from the code: a request that gets no
# answer, a 5xx, a 401 or 403 (the README's own tokens or roles no longer work), or a 404 that does not go away
# within a few seconds (the read model follows a command within about a second, so a read straight after a write may
# briefly be 404; a user would ask again); and when the reference has a lint error, a request of the collection
# answers otherwise than it expects, or Swagger UI cannot do what a newcomer would.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/readme.sh

if [ -e data ]; then
  echo "walkthrough: ./data exists; the README's walkthrough is for a fresh clone (move ./data away first)" >&2
  exit 1
fi
RUN_COMMAND=$(readme_command 1)
WORK=$(mktemp -d)
# The README tells a new user to choose the bootstrap admin's secret this way before the first start.
export MIZANI_BOOTSTRAP_ADMIN_SECRET="walkthrough-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

echo "walkthrough: starting Mizani as the README says: $RUN_COMMAND"
setsid bash -c "$RUN_COMMAND" > "$WORK/app.log" 2>&1 &
APP=$!
stop_app() {
  kill -TERM -- "-$APP" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$APP" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$APP" 2>/dev/null || true
  # The ledger of this try, in ./data as the README says; it was not there before.
  rm -rf data
}
trap stop_app EXIT

for _ in $(seq 1 600); do
  if ! kill -0 "$APP" 2>/dev/null; then
    echo "walkthrough: the run command exited before Mizani was healthy:" >&2
    tail -50 "$WORK/app.log" >&2
    exit 1
  fi
  if command curl -sf -o /dev/null http://localhost:8080/actuator/health; then
    break
  fi
  sleep 1
done
command curl -sf -o /dev/null http://localhost:8080/actuator/health || { echo "walkthrough: not healthy after 10 minutes" >&2; exit 1; }
echo "walkthrough: Mizani is up; running the README's walkthrough"

readme_walkthrough > "$WORK/walkthrough.sh"
cat > "$WORK/run.sh" <<'RUNNER'
set -euo pipefail
shopt -s inherit_errexit
# Every curl of the walkthrough goes through this: the README's command as written, plus a record of its answer.
curl() {
  local attempt status method
  for attempt in $(seq 1 20); do
    command curl --max-time 60 --write-out '%{stderr}%{http_code} %{method} %{url_effective}\n' "$@" \
      > "$WALKTHROUGH_WORK/out" 2> "$WALKTHROUGH_WORK/status" || true
    status=$(tail -1 "$WALKTHROUGH_WORK/status")
    method=$(echo "$status" | cut -d' ' -f2)
    if [ "${status%% *}" = 404 ] && [ "$method" = GET ] && [ "$attempt" -lt 20 ]; then
      sleep 0.25
      continue
    fi
    break
  done
  cat "$WALKTHROUGH_WORK/out"
  echo "$status" >> "$WALKTHROUGH_WORK/answers"
  case "${status%% *}" in
    000|401|403|404|5*) echo >&2; echo "walkthrough: README command answered $status" >&2; return 1 ;;
  esac
}
RUNNER
cat "$WORK/walkthrough.sh" >> "$WORK/run.sh"
WALKTHROUGH_WORK="$WORK" bash "$WORK/run.sh"
echo
echo "walkthrough: every command answered ($(wc -l < "$WORK/answers") requests):"
cut -d' ' -f1 "$WORK/answers" | sort | uniq -c

# The API reference the README's app serves, linted as CI requires: no error, no unjustified warning.
.ci/lint-api.sh http://localhost:8080

# The request collection (docs/http) against the same app, after the README's walkthrough: every request asserts the
# status it expects, so a collection that drifted from the API fails here (HttpCollectionTest keeps it in step with
# the OpenAPI document; this runs it). httpyac comes from the npm registry at a pinned version; the collection's
# "local" environment is this app (8080, the simulator on 8090) and the bootstrap admin's secret exported above.
HTTPYAC_VERSION=6.16.7
command -v npx > /dev/null || { echo "walkthrough: npx (Node.js) is needed to run the collection in docs/http" >&2; exit 1; }
echo "walkthrough: running the request collection docs/http with httpyac $HTTPYAC_VERSION"
COLLECTION_START=$(date +%s)
# One file at a time: httpyac resolves a file's references (# @ref) within its own run only (docs/http/README.md).
for file in docs/http/[1-9]*.http; do
  npx --yes "httpyac@$HTTPYAC_VERSION" send "$file" --all --bail --env local --output short --output-failed exchange
done
echo "walkthrough: the request collection passed in $(( $(date +%s) - COLLECTION_START )) s"

# A newcomer's deposit, transfer and payout in Swagger UI alone, in Chromium (playwright-core from the npm registry,
# pinned by its lock file), as the bootstrap admin and the service client it creates there.
echo "walkthrough: a deposit, a transfer and a payout in Swagger UI"
npm ci --prefix .ci/swagger-ui --no-audit --no-fund --silent
timeout 300 node .ci/swagger-ui/flow.js http://localhost:8080
