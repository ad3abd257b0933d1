#!/usr/bin/env bash
# Before/after: the bench of an earlier commit (default 730e084, the last before confidential texts were
# sealed) against this tree's, each version's bench driving its own ledger-app.jar, one round at a time
# and interleaved (before, after, before, after…) so drifts of the shared machine hit both alike. Then
# one table: per row both versions' medians and the after ÷ before ratio paired by round, beside each
# run's own pgbench / plain-reader reference (the machine's noise). See bench/README.md, "Cost of sealing".
#
#   bench/compare.sh --db=pg --clients=8 --rounds=3 --seconds=8                  # W1, W1b (and W3) on PostgreSQL
#   bench/compare.sh --workloads=w3 --db=h2 --replay-events=100000 --rounds=3    # W3 alone
#
# --rounds is the number of before/after pairs; every other argument goes to both benches as it is
# (default workloads w1,w1b,w3). The "before" jars are built in a git worktree under /tmp (reactor
# build, nothing installed) and kept for the next run; remove it with
# `git worktree remove --force /tmp/ledger-before-<commit>`. BENCH_SKIP_BUILD=1 skips both builds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
before_commit=${BEFORE_COMMIT:-730e084}
before_tree=/tmp/ledger-before-$before_commit
out=${COMPARE_OUT:-bench/results/compare}

rounds=3
args=()
for arg in "$@"; do
  case "$arg" in
    --rounds=*) rounds=${arg#--rounds=} ;;
    *) args+=("$arg") ;;
  esac
done
[[ " ${args[*]-} " == *" --workloads="* ]] || args+=("--workloads=w1,w1b,w3")

if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  [[ -d "$before_tree" ]] || git worktree add --detach "$before_tree" "$before_commit"
  (cd "$before_tree" && mvn -B -q ${BENCH_MVN_FLAGS:-} -pl ledger-app,bench -am package -DskipTests)
  mvn -B -q ${BENCH_MVN_FLAGS:-} -pl ledger-app,bench -am package -DskipTests
fi

rm -rf "$out"
mkdir -p "$out"
run() { # version tree round
  echo "[compare] round $3/$rounds: $1 ($(uptime | sed 's/.*load average: //'))" >&2
  echo "round $3 $1 start: $(uptime)" >>"$out/load.txt"
  java ${BENCH_JVM_FLAGS:-} -jar "$2/bench/target/ledger-bench.jar" "${args[@]}" --rounds=1 \
    --jar="$2/ledger-app/target/ledger-app.jar" --db-prefix="ledger_cmp_$1" \
    --work="$root/$out/work-$1" --out="$root/$out/$1-$3.md" >/dev/null
}
for ((round = 1; round <= rounds; round++)); do
  run before "$before_tree" "$round"
  run after "$root" "$round"
done
echo "end: $(uptime)" >>"$out/load.txt"

{
  echo "## Before ($before_commit) and after ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ', modified'))"
  echo
  echo "Run: \`bench/compare.sh $*\`; each bench: \`${args[*]} --rounds=1\`. Load average during the run:"
  echo
  sed 's/^/    /' "$out/load.txt"
  echo
  java -jar bench/target/ledger-bench.jar compare "$out"
} | tee "$out/comparison.md"
