#!/usr/bin/env bash
# Times one-article incremental rebuilds in a running `kennisbank serve`:
#
#   Benchmarks/incremental.sh BIN CONTENT OUTPUT [RUNS]
#
# Starts `BIN serve` on a free port over CONTENT (with the repository's Templates), waits for the first
# build, then RUNS times appends a sentence to one article and waits for the server's "Rebuilt …" line.
# Prints one line: the median and best rebuild time as the server measured it (read, parse, link,
# render, check, write), the median time from the save to that line (adds the watcher's polling and
# debounce), what the rebuild did, and the server's peak resident memory.
set -euo pipefail
BIN=$1 CONTENT=$2 OUTPUT=$3 RUNS=${4:-5}
cd "$(dirname "$0")/.."
LOG=$(mktemp)
"$BIN" serve --port 0 --content "$CONTENT" --templates Templates --output "$OUTPUT" 2>"$LOG" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT

wait_for() { # pattern count timeout-seconds
    local deadline=$(( $(date +%s) + $3 ))
    until [ "$(grep -c -- "$1" "$LOG" || true)" -ge "$2" ]; do
        if ! kill -0 $SERVER 2>/dev/null; then echo "serve stopped:" >&2; cat "$LOG" >&2; exit 1; fi
        if [ "$(date +%s)" -gt "$deadline" ]; then echo "timed out waiting for '$1':" >&2; tail -n 5 "$LOG" >&2; exit 1; fi
        sleep 0.01
    done
}
wait_for "Serving" 1 1800
articles=("$CONTENT"/articles/*.md)
article=$(basename "${articles[0]}")
rebuilds=() latencies=()
for ((run = 1; run <= RUNS; run++)); do
    sleep 0.5
    start=$(date +%s%N)
    printf '\nNog een zin voor de meting, nummer %s.\n' "$run" >> "$CONTENT/articles/$article"
    wait_for "Rebuilt" "$run" 600
    end=$(date +%s%N)
    line=$(grep "Rebuilt" "$LOG" | tail -n 1)
    ms=$(echo "$line" | sed -E 's/.* in ([0-9.]+) (ms|s)[ .].*/\1 \2/' | awk '{ print ($2 == "s") ? $1 * 1000 : $1 }')
    rebuilds+=("$ms")
    latencies+=("$(( (end - start) / 1000000 ))")
done
did=$(grep "Rebuilt" "$LOG" | tail -n 1 | sed -E 's/.*Rebuilt ([0-9]+ pages \([^)]*\)).*/\1/')
peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' /proc/$SERVER/status)
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
best=$(printf '%s\n' "${rebuilds[@]}" | sort -n | head -n 1)
echo "rebuild median $(median "${rebuilds[@]}") ms (best $best ms), save to rebuilt median $(median "${latencies[@]}") ms; $did; serve peak ${peak} MB"
