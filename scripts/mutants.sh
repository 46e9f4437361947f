#!/bin/sh
# Mutation testing of the law (issue 18): each file of the law is mutated by
# cargo-mutants and only the tests that state that law run against each
# mutant. Slow (minutes per file on a quiet machine); not run in CI.
#
#   cargo install cargo-mutants --locked
#   scripts/mutants.sh            # every file below
#   scripts/mutants.sh date       # one group: date, money, eligibility, round, lifecycle
#
# Results: target/mutants-out/<group>/mutants.out/{caught,missed,unviable,timeout}.txt;
# the score and the list of survivors are kept in docs/mutants.md.
set -eu
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/mutants}"
export CARGO_INCREMENTAL=0
OUT="$PWD/target/mutants-out"
mkdir -p "$OUT"

run() {
    group=$1
    shift
    files=""
    while [ "$1" != "--" ]; do
        files="$files --file $1"
        shift
    done
    shift
    # The test targets go to every cargo invocation (--cargo-arg), so that a mutant
    # builds only the targets that run against it.
    targets=""
    for t in "$@"; do
        targets="$targets --cargo-arg=$t"
    done
    # shellcheck disable=SC2086
    nice -n 19 cargo mutants --no-shuffle --baseline skip --timeout 120 \
        --all-features $files $targets --output "$OUT/$group" || true
    echo "== $group: caught $(wc -l < "$OUT/$group/mutants.out/caught.txt"), missed $(wc -l < "$OUT/$group/mutants.out/missed.txt"), unviable $(wc -l < "$OUT/$group/mutants.out/unviable.txt"), timeout $(wc -l < "$OUT/$group/mutants.out/timeout.txt")"
}

GROUP="${1:-}"

if [ -z "$GROUP" ] || [ "$GROUP" = date ]; then
    run date src/date.rs -- --test=dates --test=conformance --test=reference_model --test=schema
fi
if [ -z "$GROUP" ] || [ "$GROUP" = money ]; then
    run money src/money.rs -- --test=money --test=conformance
fi
if [ -z "$GROUP" ] || [ "$GROUP" = eligibility ]; then
    run eligibility src/eligibility/conditions.rs -- \
        --test=eligibility_rules --test=conformance --test=reference_model
fi
if [ -z "$GROUP" ] || [ "$GROUP" = round ]; then
    run round src/round/law.rs -- \
        --test=round --test=round_boundary --test=conformance --test=reference_model
fi
if [ -z "$GROUP" ] || [ "$GROUP" = lifecycle ]; then
    run lifecycle src/lifecycle/table.rs src/lifecycle/decide.rs -- \
        --lib --test=lifecycle --test=conformance --test=reference_model
fi
