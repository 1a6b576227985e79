#!/usr/bin/env bash
# A/B of two versions of kennisbank on the same input, run interleaved (A, B, A, B…) so that the machine's drift
# falls on both alike: a clean build of a generated corpus (and of any content folders given), its peak memory, and
# a one-article edit under `serve`. Prints each figure for both and the ratio this/REV.
#
#   Benchmarks/run.sh --compare REV [--content DIR]...     # or Benchmarks/compare.sh REV [--content DIR]...
#
# REV is built in release in a worktree of its own ($WORK_DIR/rev); this checkout in release in SCRATCH_PATH.
# Environment as for run.sh: SIZES (default "2000"), RUNS (default 3), CONCEPTS REFERENCES MINIATURES WORDS SEED,
# WORK_DIR (default /tmp/kennisbank-compare), OUTPUT_DIR (where the builds write: Benchmarks/common.sh),
# SCRATCH_PATH (default .build); REV_BIN and KENNISBANK_BIN to use binaries already built.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source Benchmarks/common.sh
[ $# -ge 1 ] || { echo "usage: Benchmarks/compare.sh REV [--content DIR]..." >&2; exit 2; }
REV=$1; shift
FOLDERS=()
while [ $# -gt 0 ]; do
    case $1 in
        --content) FOLDERS+=("$(cd "$2" && pwd)"); shift 2 ;;
        *) echo "unknown argument '$1'" >&2; exit 2 ;;
    esac
done
SIZES=${SIZES:-2000}
RUNS=${RUNS:-3}
CONCEPTS=${CONCEPTS:-300}
REFERENCES=${REFERENCES:-1500}
MINIATURES=${MINIATURES:-500}
WORDS=${WORDS:-4000}
SEED=${SEED:-1}
WORK_DIR=${WORK_DIR:-/tmp/kennisbank-compare}
SCRATCH_PATH=${SCRATCH_PATH:-.build}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "Missing /usr/bin/time: apt-get install time" >&2; exit 1; }
mkdir -p "$WORK_DIR"
output_dir

if [ -z "${REV_BIN:-}" ]; then
    commit=$(git rev-parse --verify "$REV^{commit}")
    tree="$WORK_DIR/rev"
    if [ "$(git -C "$tree" rev-parse HEAD 2>/dev/null || true)" != "$commit" ]; then
        git worktree remove --force "$tree" 2>/dev/null || rm -rf "$tree"
        git worktree add --detach "$tree" "$commit" >&2
    fi
    echo "Building $REV (release) in $tree…" >&2
    (cd "$tree" && swift build -c release --product kennisbank >&2)
    REV_BIN="$tree/.build/release/kennisbank"
fi
if [ -z "${KENNISBANK_BIN:-}" ]; then
    echo "Building this checkout (release, scratch path $SCRATCH_PATH)…" >&2
    swift build -c release --scratch-path "$SCRATCH_PATH" --product kennisbank >&2
    KENNISBANK_BIN="$ROOT/$SCRATCH_PATH/release/kennisbank"
fi
BINS=("$REV_BIN" "$KENNISBANK_BIN")
NAMES=("$REV" "this")

# build_both LABEL CONTENT [TEMPLATES-ARGS…]: clean builds by both binaries, interleaved; prints a row.
build_both() {
    local label=$1 content=$2; shift 2
    local best=("" "") cpu=("" "") peak=(0 0) run i out
    for ((run = 1; run <= RUNS; run++)); do
        for i in 0 1; do
            out="$OUTPUT_DIR/site-$i"
            rm -rf "$out"
            timed "${BINS[$i]}" build --content "$content" "$@" --output "$out"
            if [ -z "${best[$i]}" ] || [ "$MS" -lt "${best[$i]}" ]; then best[$i]=$MS; fi
            if [ -z "${cpu[$i]}" ] || [ "$CPU" -lt "${cpu[$i]}" ]; then cpu[$i]=$CPU; fi
            if [ "$MB" -gt "${peak[$i]}" ]; then peak[$i]=$MB; fi
        done
    done
    row "$label: clean build" "$(seconds "${best[0]}") s" "$(seconds "${best[1]}") s" "${best[1]}" "${best[0]}"
    row "$label: CPU (user + system)" "$(seconds "${cpu[0]}") s" "$(seconds "${cpu[1]}") s" "${cpu[1]}" "${cpu[0]}"
    row "$label: peak memory" "${peak[0]} MB" "${peak[1]} MB" "${peak[1]}" "${peak[0]}"
}

row() { # label, REV's figure, this one's, this value, REV's value
    printf "| %-34s | %-14s | %-14s | %-6s |\n" "$1" "$2" "$3" "$(ratio "$4" "$5" 2)"
}

echo
echo "$REV ($(git rev-parse --short "$REV")) against this checkout ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ', with uncommitted changes')), best of $RUNS, interleaved; $(nproc) cores."
printf "| %-34s | %-14s | %-14s | %-6s |\n" "" "$REV" "this" "this/REV"
printf "|%s|%s|%s|%s|\n" "------------------------------------" "----------------" "----------------" "--------"
for N in $SIZES; do
    corpus="$WORK_DIR/corpus-$N"
    rm -rf "$corpus"
    "$KENNISBANK_BIN" corpus --output "$corpus" --articles "$N" --concepts "$CONCEPTS" --references "$REFERENCES" \
        --miniatures "$MINIATURES" --words "$WORDS" --seed "$SEED" >&2
    build_both "$N articles" "$corpus" --templates Templates
    # The edit under serve: both binaries' servers side by side, each on a copy of the corpus of its own (the edits
    # change it), edited in turn.
    medians=() cpus=()
    while read -r line; do
        medians+=("$(incremental_median "$line")")
        cpus+=("$(echo "$line" | sed -E 's/.*CPU per edit ([0-9]+) ms.*/\1/')")
    done < <(Benchmarks/incremental-ab.sh "${BINS[0]}" "${BINS[1]}" "$corpus" "$WORK_DIR/serve" 10)
    row "$N articles: one-article edit (median)" "${medians[0]} ms" "${medians[1]} ms" "${medians[1]}" "${medians[0]}"
    row "$N articles: CPU per edit" "${cpus[0]} ms" "${cpus[1]} ms" "${cpus[1]}" "${cpus[0]}"
done
for folder in "${FOLDERS[@]}"; do
    build_both "$(basename "$(dirname "$folder")")/$(basename "$folder")" "$folder"
done
rm -rf "$OUTPUT_DIR/site-0" "$OUTPUT_DIR/site-1"
rmdir "$OUTPUT_DIR" 2>/dev/null || true
