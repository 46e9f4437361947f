#!/bin/sh
# Mutation testing of the law (issue 18): each file of the law is mutated by
# cargo-mutants and only the tests that state that law run against each
# mutant. Slow (minutes per file on a quiet machine); not run in CI.
#
#   cargo install cargo-mutants --locked
#   scripts/mutants.sh            # every file below
#   scripts/mutants.sh date       # one group: date, money, eligibility, round, lifecycle, replay
#   scripts/mutants.sh lifecycle -F 'decide.rs:401'   # one group, only the mutants matching
#                                 # a regex (any cargo-mutants options after the group)
#
# Results: target/mutants-out/<group>/mutants.out/{caught,missed,unviable,timeout}.txt
# (<group>-partial/ when options were given);
# the score and the list of survivors are kept in docs/mutants.md.
set -eu
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/mutants}"
# Incremental builds: cargo-mutants builds every mutant of a run in one scratch
# copy, so the test crates (unchanged) and most of the library are reused; about
# 20 s a mutant instead of 80 s without (docs/mutants.md). The scratch copy's
# path changes from run to run: the first mutant of a run builds from scratch.
export CARGO_INCREMENTAL=1
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
    while [ "$1" != "--" ]; do
        targets="$targets --cargo-arg=$1"
        shift
    done
    shift
    # What is left: the options given after the group, for cargo-mutants; a
    # partial run writes beside the group's full run, not over it.
    out="$OUT/$group"
    [ $# -gt 0 ] && out="$OUT/$group-partial"
    # shellcheck disable=SC2086
    nice -n 19 cargo mutants --no-shuffle --baseline skip --timeout 120 \
        --all-features $files $targets --output "$out" "$@" || true
    r="$out/mutants.out"
    [ -f "$r/caught.txt" ] || return 0 # --list and the like write no outcomes
    echo "== $group: caught $(wc -l < "$r/caught.txt"), missed $(wc -l < "$r/missed.txt"), unviable $(wc -l < "$r/unviable.txt"), timeout $(wc -l < "$r/timeout.txt")"
}

GROUP="${1:-}"
[ $# -gt 0 ] && shift

if [ -z "$GROUP" ] || [ "$GROUP" = date ]; then
    run date src/date.rs -- --test=dates --test=conformance --test=reference_model --test=schema -- "$@"
fi
if [ -z "$GROUP" ] || [ "$GROUP" = money ]; then
    run money src/money.rs -- --test=money --test=conformance -- "$@"
fi
if [ -z "$GROUP" ] || [ "$GROUP" = eligibility ]; then
    run eligibility src/eligibility/conditions.rs -- \
        --test=eligibility_rules --test=conformance --test=reference_model -- "$@"
fi
if [ -z "$GROUP" ] || [ "$GROUP" = round ]; then
    run round src/round/law.rs -- \
        --test=round --test=round_boundary --test=conformance --test=reference_model -- "$@"
fi
if [ -z "$GROUP" ] || [ "$GROUP" = lifecycle ]; then
    run lifecycle src/lifecycle/table.rs src/lifecycle/decide.rs -- \
        --lib --test=lifecycle --test=lifecycle_diagram --test=conformance --test=reference_model -- "$@"
fi
if [ -z "$GROUP" ] || [ "$GROUP" = replay ]; then
    run replay src/lifecycle/apply.rs src/lifecycle/replay.rs -- \
        --lib --test=lifecycle --test=chain --test=properties --test=conformance -- "$@"
fi
