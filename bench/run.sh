#!/usr/bin/env bash
# Runs one benchmark scenario against the packaged app, e.g.
#   ./bench/run.sh transfers --duration 60s --concurrency 64
#   ./bench/run.sh transfers --compare-auth       (the same load with authentication off, then on: what it costs)
#   ./bench/run.sh transfers --batch-size 100     (each worker sends 100 transfers per POST /transfers/batch; also
#                                                  hot-wallet and mixed; figures per item and per batch request)
#   ./bench/run.sh withdrawals --duration 60s     (M-Pesa payouts through the simulator, drained until settled)
#   ./bench/run.sh callbacks --duration 60s       (signed C2B confirmations, 20% exact repeats)
#   ./bench/run.sh chaos --duration 180s --kills 5
#   ./bench/run.sh replay --reuse-data bench/seeded  (seeds 1,000,000 events, rebuilds every projection, point-in-time reads)
#   ./bench/run.sh read-your-writes --iterations 200  (a GET right after each write: does it show it, and at what cost;
#                                                      --concurrency 16 adds a background transfer load)
#   ./bench/run.sh cluster --nodes 2 --kills 1       (transfers on one node, then on 2 sharing the database and one
#                                                      MongoDB-wire server, round robin, one node SIGKILLed and restarted)
#   ./bench/run.sh fx --duration 45s --concurrency 32 --wallets 1000  (an FX quote and a cross-currency transfer on it,
#                                                      KES/USD/UGX/KWD wallets; used quotes tried again, races on one)
#   ./bench/run.sh payroll --items 10000           (one payroll job of 10,000 wallet items to --wallets 1000 payees,
#                                                      approved by a second client; time to completion, items/s, and
#                                                      the p99 of --concurrency 8 workers' single transfers alone and
#                                                      during the job; --kills 1 SIGKILLs the app mid-job)
#   ./bench/run.sh payroll --items 10000 --pay-to mpesa  (the same job to phones: each item an M-Pesa payout through
#                                                      the simulator with its faults on, until every item settled or failed)
# Scenarios: transfers, hot-wallet, mixed, withdrawals, callbacks, chaos, replay, read-your-writes, cluster, fx, payroll; run
# without arguments for every option.
# The harness signs in to the app as a client of its own (docs/benchmarks.md, Authentication).
# Builds the app and the harness first (set BENCH_SKIP_BUILD=1 to use existing jars). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ] || [ ! -f app/target/mizani.jar ] || [ ! -f bench/target/mizani-bench.jar ]; then
  ./mvnw -B -q -ntp -DskipTests -pl app,bench -am package
fi
exec java -jar bench/target/mizani-bench.jar "$@"
