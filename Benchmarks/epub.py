#!/usr/bin/env python3
"""What the e-book costs: `kennisbank export epub` on the real Content and on generated corpora (wall time, peak
memory, size, the time of each step), and what the other compression choices would give on the same book.

    Benchmarks/epub.py                          # release build in .build, the real Content and 2,000 articles, best of 3
    SIZES="500 2000" RUNS=1 Benchmarks/epub.py
    KENNISBANK_BIN=path Benchmarks/epub.py      # a binary already built

Each corpus is /tmp/kennisbank-bench/corpus-<N> (Benchmarks/run.sh's; generated with `kennisbank corpus --articles N`
when missing); the export runs with `--modified 2026-11-29 --timings` under /usr/bin/time, and the best of RUNS
(lowest wall time) is reported.

The compression table reads the entries of the book the export wrote and deflates them again with Python's zlib,
which is the system zlib ZIPFoundation calls, with ZIPFoundation's settings (raw deflate, window 15, memLevel 9):
at level 1, 6 (zlib's default, the level ZIPFoundation always uses) and 9, one entry after the other and spread
over the machine's cores (a process pool, as a parallel archive writer would), and stored (no compression).
"""
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORK_DIR = os.environ.get("WORK_DIR", "/tmp/kennisbank-bench")
SIZES = os.environ.get("SIZES", "2000").split()
RUNS = int(os.environ.get("RUNS", "3"))
MODIFIED = "2026-11-29"


def binary():
    if os.environ.get("KENNISBANK_BIN"):
        return os.environ["KENNISBANK_BIN"]
    subprocess.run(["swift", "build", "-c", "release", "--product", "kennisbank"], cwd=ROOT, check=True,
                   stdout=sys.stderr)
    return os.path.join(ROOT, ".build", "release", "kennisbank")


def corpus(kennisbank, articles):
    folder = os.path.join(WORK_DIR, f"corpus-{articles}")
    if not os.path.isdir(folder):
        subprocess.run([kennisbank, "corpus", "--output", folder, "--articles", str(articles)], check=True)
    return folder


def export(kennisbank, content, output):
    """One export: (wall seconds, peak MB, {step: seconds})."""
    command = ["/usr/bin/time", "-f", "TIME %e %M", kennisbank, "export", "epub", "--content", content,
               "--templates", os.path.join(ROOT, "Templates"), "--modified", MODIFIED, "--timings", "--output", output]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"export of {content} failed:\n{result.stderr}")
    wall, peak = re.search(r"TIME ([\d.]+) (\d+)", result.stderr).groups()
    steps = {name.strip(): float(seconds)
             for name, seconds in re.findall(r"^([a-z][a-z -]+?)\s+([\d.]+) s", result.stderr, re.M)}
    return float(wall), int(peak) / 1024, steps


def deflate(data, level):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 9)
    return len(compressor.compress(data) + compressor.flush())


def compression(book):
    """Rows (choice, bytes, seconds) for the entries of `book`."""
    with zipfile.ZipFile(book) as archive:
        entries = [archive.read(info) for info in archive.infolist()]
    rows = [("stored", sum(len(data) for data in entries), 0.0)]
    cores = os.cpu_count() or 1
    with multiprocessing.Pool(cores) as pool:
        for level in (1, 6, 9):
            start = time.perf_counter()
            size = sum(deflate(data, level) for data in entries)
            rows.append((f"level {level}, one entry after the other", size, time.perf_counter() - start))
            start = time.perf_counter()
            size = sum(pool.starmap(deflate, [(data, level) for data in entries], chunksize=16))
            rows.append((f"level {level}, entries over {cores} cores", size, time.perf_counter() - start))
    return len(entries), rows


def main():
    kennisbank = binary()
    books = [("real Content", os.path.join(ROOT, "Content"))]
    books += [(f"{int(n):,} articles", corpus(kennisbank, n)) for n in SIZES]
    with tempfile.TemporaryDirectory() as scratch:
        print("| content | wall (best of %d) | peak memory | book | build (read … check links) | e-book pages | e-book archive |" % RUNS)
        print("|---|---|---|---|---|---|---|")
        written = []
        for name, content in books:
            output = os.path.join(scratch, f"{len(written)}.epub")
            wall, peak, steps = min((export(kennisbank, content, output) for _ in range(RUNS)), key=lambda run: run[0])
            build = sum(seconds for step, seconds in steps.items() if not step.startswith("e-book") and step != "total")
            print(f"| {name} | {wall:.2f} s | {peak:.0f} MB | {os.path.getsize(output):,} bytes | {build:.2f} s "
                  f"| {steps.get('e-book pages', 0):.2f} s | {steps.get('e-book archive', 0):.2f} s |")
            written.append((name, output))
        for name, output in written[1:]:
            count, rows = compression(output)
            print(f"\nThe {count:,} entries of the book of {name}, deflated again (Python's zlib):\n")
            print("| compression | entries' bytes | time |")
            print("|---|---|---|")
            for choice, size, seconds in rows:
                print(f"| {choice} | {size:,} | {seconds:.2f} s |")


if __name__ == "__main__":
    main()
