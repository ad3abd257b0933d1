#!/usr/bin/env bash
# Builds ledger-app.jar, command-service.jar, the CRUD baseline (W6) and the bench with a reactor build (nothing is installed into ~/.m2), then runs
# every workload beside its reference and writes the table to bench/results/latest.md.
# Arguments go to the bench (see bench/README.md), e.g.:  bench/run.sh --rounds=3 --db=pg,h2
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q ${BENCH_MVN_FLAGS:-} -pl ledger-app,command-service,bench/crud-baseline,bench -am package -DskipTests
fi
exec java ${BENCH_JVM_FLAGS:-} -jar bench/target/ledger-bench.jar "$@"
