# Shared by the benchmark scripts (sourced, not run). Needs WORK_DIR set and /usr/bin/time.

# timed COMMAND…: runs COMMAND once, its output discarded. Sets MS (wall clock, ms) and MB (peak resident memory,
# MB, from /usr/bin/time); on failure prints its last lines and stops the script.
timed() {
    local start end
    start=$(date +%s%N)
    if ! /usr/bin/time -f "%M" -o "$WORK_DIR/time.out" "$@" >/dev/null 2>"$WORK_DIR/stderr.out"; then
        echo "FAILED: $*" >&2; tail -n 20 "$WORK_DIR/stderr.out" >&2; exit 1
    fi
    end=$(date +%s%N)
    MS=$(( (end - start) / 1000000 ))
    MB=$(awk -v kb="$(tail -n 1 "$WORK_DIR/time.out")" 'BEGIN { printf "%.0f", kb / 1024 }')
}

# seconds MS: milliseconds as seconds with two decimals.
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

# ratio A B [DECIMALS]: A / B (default one decimal), or "-" when B is 0.
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-1}" 'BEGIN { if (b > 0) printf "%.*f", d, a / b; else print "-" }'; }

# incremental_median LINE: the rebuild median (ms) from Benchmarks/incremental.sh's line.
incremental_median() { echo "$1" | sed -E 's/^rebuild median ([0-9.]+) ms.*/\1/'; }
