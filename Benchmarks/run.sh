#!/usr/bin/env bash
# Benchmarks a clean `kennisbank build` against Hugo and against the cmark command line (the floor),
# on generated corpora of 500, 1000 and 2000 articles, and a one-article incremental rebuild in a running
# `kennisbank serve` (Benchmarks/incremental.sh). Run on demand from the repository root:
#
#   Benchmarks/run.sh                                  # release build in .build, sizes 500 1000 2000, best of 3
#   SCRATCH_PATH=.build-bench SIZES="500" RUNS=1 Benchmarks/run.sh
#   Benchmarks/run.sh --compare REV [--content DIR]...  # REV against this checkout, interleaved (Benchmarks/compare.sh)
#
# Environment:
#   SCRATCH_PATH  swift build scratch folder (default .build)
#   KENNISBANK_BIN  an already built release binary to measure instead of building one
#   SIZES         article counts (default "500 1000 2000")
#   CONCEPTS REFERENCES MINIATURES   fixed at every size (defaults 300 1500 500, the generator's defaults)
#   WORDS         words per article (default 4000)
#   RUNS          timed runs per measurement; the best (lowest) wall time is reported (default 3)
#   WORK_DIR      where corpora and Hugo sites go (default /tmp/kennisbank-bench)
#   OUTPUT_DIR    where the timed builds write (default a folder of its own on /dev/shm, else WORK_DIR/out: see common.sh)
#   SEED          corpus seed (default 1)
#   CHECK         1 (default) runs `kennisbank check` on each corpus first and stops on any problem; 0 skips it
set -euo pipefail

cd "$(dirname "$0")/.."
# Benchmarks/run.sh --compare REV [--content DIR]…: an A/B of REV against this checkout (Benchmarks/compare.sh).
if [ "${1:-}" = "--compare" ]; then
    shift
    exec Benchmarks/compare.sh "$@"
fi
ROOT=$(pwd)
source Benchmarks/common.sh
SCRATCH_PATH=${SCRATCH_PATH:-.build}
SIZES=${SIZES:-"500 1000 2000"}
CONCEPTS=${CONCEPTS:-300}
REFERENCES=${REFERENCES:-1500}
MINIATURES=${MINIATURES:-500}
WORDS=${WORDS:-4000}
RUNS=${RUNS:-3}
WORK_DIR=${WORK_DIR:-/tmp/kennisbank-bench}
SEED=${SEED:-1}
CHECK=${CHECK:-1}
TIME=/usr/bin/time

need() { # command, Debian package
    if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "Installing $2…" >&2
            apt-get install -y -qq "$2" >/dev/null
        else
            echo "Missing $1: install the Debian package '$2' (apt-get install $2)." >&2
            exit 1
        fi
    fi
}
need "$TIME" time
need hugo hugo
need cmark cmark

if [ -n "${KENNISBANK_BIN:-}" ]; then
    BIN=$KENNISBANK_BIN
else
    echo "Building kennisbank (release, scratch path $SCRATCH_PATH)…" >&2
    Scripts/install-dependencies.sh >&2
    swift build -c release --scratch-path "$SCRATCH_PATH" --product kennisbank >&2
    BIN="$ROOT/$SCRATCH_PATH/release/kennisbank"
fi
[ -x "$BIN" ] || { echo "No binary at $BIN" >&2; exit 1; }
mkdir -p "$WORK_DIR"
output_dir

# measure PREPARE COMMAND…: runs PREPARE (untimed) then COMMAND, RUNS times.
# Sets BEST (seconds, lowest wall time) and PEAK (MB, highest maximum resident set size).
measure() {
    local prepare=$1; shift
    local best="" peak=0 run
    for ((run = 1; run <= RUNS; run++)); do
        eval "$prepare"
        timed "$@"
        if [ -z "$best" ] || [ "$MS" -lt "$best" ]; then best=$MS; fi
        if [ "$MB" -gt "$peak" ]; then peak=$MB; fi
    done
    BEST=$(seconds "$best")
    PEAK=$peak
}

declare -A KB KBM HUGO HUGOM CMARK CMARKM INC INCM INCLINE MBYTES NWORDS
for N in $SIZES; do
    corpus="$WORK_DIR/corpus-$N"
    echo "== $N articles ($CONCEPTS concepts, $REFERENCES references, $MINIATURES miniatures, ~$WORDS words each)" >&2
    rm -rf "$corpus"
    "$BIN" corpus --output "$corpus" --articles "$N" --concepts "$CONCEPTS" --references "$REFERENCES" \
        --miniatures "$MINIATURES" --words "$WORDS" --seed "$SEED" >&2
    MBYTES[$N]=$(du -sm "$corpus/articles" | cut -f1)
    NWORDS[$N]=$(cat "$corpus"/articles/*.md | wc -w)
    if [ "$CHECK" = 1 ] && ! "$BIN" check --content "$corpus" --templates Templates 2>"$WORK_DIR/check.out"; then
        echo "The generated corpus has problems:" >&2; tail -n 5 "$WORK_DIR/check.out" >&2; exit 1
    fi

    # a. kennisbank: a clean build into a fresh output folder.
    out="$OUTPUT_DIR/site-$N"
    measure "rm -rf '$out'" "$BIN" build --content "$corpus" --templates Templates --output "$out"
    KB[$N]=$BEST; KBM[$N]=$PEAK
    pages=$(find "$out/artikelen" -name index.html | wc -l)
    [ "$pages" -eq "$N" ] || { echo "kennisbank wrote $pages article pages, expected $N" >&2; exit 1; }

    # b. Hugo: the same article markdown, a minimal layout, no taxonomies, RSS, sitemap or robots.txt.
    hugo_site="$WORK_DIR/hugo-$N"
    rm -rf "$hugo_site"
    mkdir -p "$hugo_site/content/articles" "$hugo_site/layouts/_default"
    cat > "$hugo_site/hugo.toml" <<'TOML'
baseURL = "http://example.org/"
title = "Benchmark"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
buildFuture = true
[markup.goldmark.renderer]
unsafe = false
TOML
    printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n<body><main>{{ .Content }}</main></body></html>\n' \
        > "$hugo_site/layouts/_default/single.html"
    printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body></body></html>\n' \
        > "$hugo_site/layouts/_default/list.html"
    cp "$corpus"/articles/*.md "$hugo_site/content/articles/"
    measure "rm -rf '$OUTPUT_DIR/hugo-$N' '$hugo_site/resources'" hugo --quiet --source "$hugo_site" --destination "$OUTPUT_DIR/hugo-$N"
    HUGO[$N]=$BEST; HUGOM[$N]=$PEAK
    pages=$(find "$OUTPUT_DIR/hugo-$N/articles" -mindepth 2 -name index.html | wc -l)
    [ "$pages" -eq "$N" ] || { echo "Hugo rendered $pages article pages, expected $N" >&2; exit 1; }

    # c. The floor: cmark rendering every article body (front matter stripped beforehand) in one process.
    plain="$WORK_DIR/plain-$N"
    rm -rf "$plain"; mkdir -p "$plain"
    for file in "$corpus"/articles/*.md; do
        awk 'NR == 1 && /^---$/ { inside = 1; next } inside && /^---$/ { inside = 0; next } !inside' "$file" > "$plain/$(basename "$file")"
    done
    measure ":" cmark --smart "$plain"/*.md
    CMARK[$N]=$BEST; CMARKM[$N]=$PEAK
    # d. Incremental: one article edited in a running `kennisbank serve` (last: it edits the corpus).
    INCLINE[$N]=$(Benchmarks/incremental.sh "$BIN" "$corpus" "$WORK_DIR/serve-$N" "$((RUNS > 3 ? RUNS : 3))")
    INC[$N]=$(incremental_median "${INCLINE[$N]}")
    INCM[$N]=$(echo "${INCLINE[$N]}" | sed -E 's/.*serve peak ([0-9]+) MB.*/\1/')
    # Each size as soon as it is measured, so a long run can be followed (and stopped) half way.
    printf "%s articles: kennisbank %s s (%s MB), Hugo %s s (%s MB), cmark %s s (%s MB), incremental: %s\n" "$N" \
        "${KB[$N]}" "${KBM[$N]}" "${HUGO[$N]}" "${HUGOM[$N]}" "${CMARK[$N]}" "${CMARKM[$N]}" "${INCLINE[$N]}" | tee -a "$WORK_DIR/results.txt" >&2
done

echo
echo "Clean builds, best of $RUNS (wall clock, s) and peak resident memory (MB)."
echo "Concepts $CONCEPTS, references $REFERENCES, miniatures $MINIATURES at every size; ~$WORDS words per article."
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); $(hugo version | cut -d' ' -f1-2); cmark $(cmark --version | head -n 1 | awk '{ print $2 }')."
echo
printf "| %-8s | %-19s | %-15s | %-15s | %-15s | %-9s | %-10s | %-15s |\n" \
    articles "corpus (words, MB)" kennisbank "Hugo" "cmark" "kb / Hugo" "kb / cmark" "incremental"
printf "|%s|%s|%s|%s|%s|%s|%s|%s|\n" "----------" "---------------------" "-----------------" "-----------------" "-----------------" "-----------" "------------" "-----------------"
for N in $SIZES; do
    inc="${INC[$N]} ms, ${INCM[$N]} MB"
    printf "| %-8s | %-19s | %-15s | %-15s | %-15s | %-9s | %-10s | %-15s |\n" "$N" \
        "${NWORDS[$N]} w, ${MBYTES[$N]} MB" "${KB[$N]} s, ${KBM[$N]} MB" "${HUGO[$N]} s, ${HUGOM[$N]} MB" \
        "${CMARK[$N]} s, ${CMARKM[$N]} MB" "$(ratio "${KB[$N]}" "${HUGO[$N]}")×" "$(ratio "${KB[$N]}" "${CMARK[$N]}")×" "$inc"
done

set -- $SIZES
if [ $# -gt 1 ]; then
    echo
    echo "Growth (time at this size / time at the previous size):"
    previous=""
    for N in $SIZES; do
        if [ -n "$previous" ]; then
            echo "  $previous → $N articles: kennisbank $(ratio "${KB[$N]}" "${KB[$previous]}")×, Hugo $(ratio "${HUGO[$N]}" "${HUGO[$previous]}")×, cmark $(ratio "${CMARK[$N]}" "${CMARK[$previous]}")×"
        fi
        previous=$N
    done
fi
# The sites written on OUTPUT_DIR (memory, when it is /dev/shm) go; the corpora stay in WORK_DIR.
for N in $SIZES; do rm -rf "$OUTPUT_DIR/site-$N" "$OUTPUT_DIR/hugo-$N"; done
rmdir "$OUTPUT_DIR" 2>/dev/null || true
