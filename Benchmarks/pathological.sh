#!/usr/bin/env bash
# How the cost of one paragraph grows with what it holds: `kennisbank check` of the real Content with one extra
# article whose body is a single paragraph, full of concept names or plain words of the same size. Linking is
# linear when a paragraph of mentions takes about as long as a plain one (the ratio near 1).
#
#   Benchmarks/pathological.sh                     # the release binary in .build
#   KENNISBANK_BIN=/path/to/kennisbank Benchmarks/pathological.sh
#
# Environment: KENNISBANK_BIN (default .build/release/kennisbank), WORK_DIR (default /tmp/kennisbank-pathological),
# RUNS (timed runs per case, the best is shown; default 3). Needs /usr/bin/time (Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${KENNISBANK_BIN:-.build/release/kennisbank}
WORK_DIR=${WORK_DIR:-/tmp/kennisbank-pathological}
RUNS=${RUNS:-3}
[ -x "$BIN" ] || { echo "No binary at $BIN: build it with swift build -c release" >&2; exit 1; }
mkdir -p "$WORK_DIR"
source Benchmarks/common.sh

# measure NAME PYTHON-EXPRESSION-FOR-THE-BODY: prints the best wall time of `check` in seconds (a check that
# finds problems still counts: the extra article has no authors or date).
measure() {
    local name=$1 body=$2 best="" run
    rm -rf "$WORK_DIR/$name"
    mkdir -p "$WORK_DIR/$name"
    cp -r Content "$WORK_DIR/$name/Content"
    python3 -c "open('$WORK_DIR/$name/Content/articles/h.md','w').write('---\ntitle: H\n---\n' + ($body) + '\n')"
    for ((run = 1; run <= RUNS; run++)); do
        timed sh -c '"$0" check --content "$1" || true' "$BIN" "$WORK_DIR/$name/Content"
        if [ -z "$best" ] || [ "$MS" -lt "$best" ]; then best=$MS; fi
    done
    seconds "$best"
}

mentions=$(measure mentions "' '.join(['identiteit'] * 20000)")
plain=$(measure plain "' '.join(['gewoonheid'] * 20000)")
echo "20,000 mentions in one paragraph: ${mentions} s; the same size of plain words: ${plain} s; ratio $(ratio "$mentions" "$plain" 2)"
big=$(measure big "'de coach oefent niet-weten en luistert naar identiteit ' * (10_000_000 // 55 + 1)")
bigplain=$(measure bigplain "'de coach oefent gewoonheid en luistert naar eenvoudige ' * (10_000_000 // 55 + 1)")
echo "A 10 MB paragraph with concept words: ${big} s; a plain 10 MB paragraph: ${bigplain} s; ratio $(ratio "$big" "$bigplain" 2)"
cited=$(measure cited "'de coach oefent niet-weten met Kegan (1994) en luistert ' * (10_000_000 // 56 + 1)")
echo "A 10 MB paragraph with a concept and a linked citation in every phrase: ${cited} s (its page is about 2.4 times the size)"
rm -rf "$WORK_DIR"
