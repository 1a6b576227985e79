#!/usr/bin/env bash
# Times one-article incremental rebuilds of two versions side by side, so that the machine's drift falls on both
# alike: two `serve`s, each over a copy of CONTENT of its own (with the repository's Templates), edited in turn
# (A, B, A, B…); each edit appends a sentence to the same article and waits for that server's "Rebuilt …" line.
#
#   Benchmarks/incremental-ab.sh BIN_A BIN_B CONTENT WORK [RUNS]
#
# Prints two lines, A's then B's: "rebuild median M ms (best B ms); serve peak P MB; CPU per edit C ms", the rebuild
# time as each server measured it and the CPU time (user and system) it spent on the edits, which the machine's
# drift moves less. WORK holds the copies and the outputs and is removed at the end.
set -euo pipefail
BINS=("$1" "$2") CONTENT=$3 WORK=$4 RUNS=${5:-10}
cd "$(dirname "$0")/.."
rm -rf "$WORK"; mkdir -p "$WORK"
SERVERS=()
trap 'kill "${SERVERS[@]}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

wait_for() { # log pattern count timeout-seconds server
    local deadline=$(( $(date +%s) + $4 ))
    until [ "$(grep -c -- "$2" "$1" || true)" -ge "$3" ]; do
        if ! kill -0 "$5" 2>/dev/null; then echo "serve stopped:" >&2; cat "$1" >&2; exit 1; fi
        if [ "$(date +%s)" -gt "$deadline" ]; then echo "timed out waiting for '$2':" >&2; tail -n 5 "$1" >&2; exit 1; fi
        sleep 0.01
    done
}
for i in 0 1; do
    cp -r "$CONTENT" "$WORK/content-$i"
    "${BINS[$i]}" serve --port 0 --content "$WORK/content-$i" --templates Templates --output "$WORK/site-$i" 2>"$WORK/log-$i" &
    SERVERS+=($!)
    # One first build at a time, so that neither slows the other's.
    wait_for "$WORK/log-$i" "Serving" 1 1800 "${SERVERS[$i]}"
done
articles=("$CONTENT"/articles/*.md)
article=$(basename "${articles[0]}")
# The CPU (user and system) each server spends from here on: its edits, steadier than their wall-clock times.
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
start_cpu=("$(cpu "${SERVERS[0]}")" "$(cpu "${SERVERS[1]}")")
for ((run = 1; run <= RUNS; run++)); do
    for i in 0 1; do
        sleep 0.5
        printf '\nNog een zin voor de meting, nummer %s.\n' "$run" >> "$WORK/content-$i/articles/$article"
        wait_for "$WORK/log-$i" "Rebuilt" "$run" 600 "${SERVERS[$i]}"
    done
done
for i in 0 1; do
    times=$(grep "Rebuilt" "$WORK/log-$i" | sed -E 's/.* in ([0-9.]+) (ms|s)[ .].*/\1 \2/' | awk '{ print ($2 == "s") ? $1 * 1000 : $1 }' | sort -n)
    median=$(echo "$times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/${SERVERS[$i]}/status")
    per_edit=$(awk -v used="$(( $(cpu "${SERVERS[$i]}") - ${start_cpu[$i]} ))" -v tick="$(getconf CLK_TCK)" -v runs="$RUNS" \
        'BEGIN { printf "%.0f", used * 1000 / tick / runs }')
    echo "rebuild median $median ms (best $(echo "$times" | head -n 1) ms); serve peak $peak MB; CPU per edit $per_edit ms"
done
