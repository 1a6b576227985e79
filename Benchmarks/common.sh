# Shared by the benchmark scripts (sourced, not run). Needs WORK_DIR set and /usr/bin/time.

# OUTPUT_DIR: where the timed builds write their sites. By default a folder of this run's own on /dev/shm (a tmpfs)
# when there is one: on an ext4 without a journal, as on this project's VMs, the kernel's inode allocator passes over
# every inode freed in the last minute (the output deleted before each run) each time it makes a file, which cost up
# to a fifth of a clean build's CPU, grew faster than the number of files written and swung from run to run with
# where the folder landed: the disk, not the engine (Benchmarks/README.md). OUTPUT_DIR=… measures any other disk.
# output_dir: sets OUTPUT_DIR (after WORK_DIR) and makes it.
output_dir() {
    if [ -z "${OUTPUT_DIR:-}" ]; then
        if [ -d /dev/shm ] && [ -w /dev/shm ]; then OUTPUT_DIR=/dev/shm/kennisbank-bench-$$; else OUTPUT_DIR=$WORK_DIR/out; fi
    fi
    mkdir -p "$OUTPUT_DIR"
}

# timed COMMAND…: runs COMMAND once, its output discarded. Sets MS (wall clock, ms), CPU (user and system time, ms)
# and MB (peak resident memory, MB, from /usr/bin/time); on failure prints its last lines and stops the script.
timed() {
    local start end
    start=$(date +%s%N)
    if ! /usr/bin/time -f "%M %U %S" -o "$WORK_DIR/time.out" "$@" >/dev/null 2>"$WORK_DIR/stderr.out"; then
        echo "FAILED: $*" >&2; tail -n 20 "$WORK_DIR/stderr.out" >&2; exit 1
    fi
    end=$(date +%s%N)
    MS=$(( (end - start) / 1000000 ))
    read -r MB CPU < <(tail -n 1 "$WORK_DIR/time.out" | awk '{ printf "%.0f %.0f\n", $1 / 1024, ($2 + $3) * 1000 }')
}

# seconds MS: milliseconds as seconds with two decimals.
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

# ratio A B [DECIMALS]: A / B (default one decimal), or "-" when B is 0.
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-1}" 'BEGIN { if (b > 0) printf "%.*f", d, a / b; else print "-" }'; }

# incremental_median LINE: the rebuild median (ms) from Benchmarks/incremental.sh's line.
incremental_median() { echo "$1" | sed -E 's/^rebuild median ([0-9.]+) ms.*/\1/'; }
