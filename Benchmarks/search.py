#!/usr/bin/env python3
"""What the search costs a reader: bytes per query as Chromium counts them, index size on disk, and the index
files a one-article edit rewrites, on generated corpora.

    Benchmarks/search.py                 # release build in .build, sizes 500 1000 2000
    SIZES="2000" Benchmarks/search.py    # one size
    KENNISBANK_BIN=path Benchmarks/search.py   # a binary already built (bytes do not depend on how it was built)
    CORPUS=path SIZES=2000 Benchmarks/search.py  # a corpus already generated, for the one size

Each corpus is /tmp/kennisbank-bench/corpus-<N> (Benchmarks/run.sh's; generated with `kennisbank corpus --articles N`
when missing). The site is built, served over HTTP on loopback, and each query is typed into the header box of
the home page in a fresh headless Chromium; the bytes are the sum of `encodedDataLength` of every response that
finished after the home page had loaded (CDP Network.loadingFinished), i.e. only what the query fetched. The edit
adds one word near the end of one paragraph of one article in a copy of the corpus and counts the search files whose bytes
differ between the two clean builds (an incremental build writes exactly those).
"""
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Browser"))
from conftest import QuietHandler, make_driver  # noqa: E402

WORK = "/tmp/kennisbank-bench"
# The one-word queries, then the forgiving paths: stop words left out, a typo answered with "Bedoelde je …".
QUERIES = ["vertrouwen", "identiteit", "leiderschap", "niet-weten", "Kegan", "leiderschap en vertrouwen",
           "wat is vertrouwen", "identiteid", "vertrouwem", "leiderscap"]


def binary():
    if os.environ.get("KENNISBANK_BIN"):
        return os.environ["KENNISBANK_BIN"]
    subprocess.run(["swift", "build", "-c", "release", "--product", "kennisbank"], cwd=ROOT, check=True)
    return os.path.join(ROOT, ".build", "release", "kennisbank")


def build(bin_path, content, output):
    shutil.rmtree(output, ignore_errors=True)
    subprocess.run([bin_path, "build", "--content", content, "--templates", os.path.join(ROOT, "Templates"),
                    "--output", output], check=True, stdout=subprocess.DEVNULL)


def search_files(site):
    files = {}
    for folder, _, names in os.walk(os.path.join(site, "search")):
        for name in names:
            path = os.path.join(folder, name)
            files[os.path.relpath(path, site)] = open(path, "rb").read()
    return files


def finished_bytes(d):
    """The bytes of the responses finished since the last call, and the URLs they came from."""
    total, urls, names = 0, [], {}
    for entry in d.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.responseReceived":
            names[message["params"]["requestId"]] = message["params"]["response"]["url"]
        if message["method"] == "Network.loadingFinished":
            total += message["params"]["encodedDataLength"]
            urls.append(names.get(message["params"]["requestId"], "?"))
    return total, urls


def query_bytes(base, query):
    from selenium.webdriver.common.by import By
    d = make_driver(performance_log=True)
    try:
        d.execute_cdp_cmd("Network.enable", {})
        d.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        d.get(base)
        time.sleep(0.5)
        finished_bytes(d)  # the page itself
        box = d.find_element(By.ID, "site-search-input")
        box.click()
        box.send_keys(query)
        deadline = time.time() + 30
        while time.time() < deadline and box.get_attribute("aria-expanded") != "true":
            time.sleep(0.05)
        time.sleep(1.0)  # anything still loading for the query
        summary = d.find_element(By.CSS_SELECTOR, "#site-search-panel .search-summary").text
        total, urls = finished_bytes(d)
        return total, urls, summary
    finally:
        d.quit()


def edit_rewrites(bin_path, corpus, before):
    """The search files whose bytes change when one word of one paragraph of one article changes; `before` is the
    search files of the corpus's site (search_files)."""
    copy = os.path.join(WORK, "search-edit-corpus")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(corpus, copy)
    article = sorted(os.listdir(os.path.join(copy, "articles")))[len(os.listdir(os.path.join(copy, "articles"))) // 2]
    path = os.path.join(copy, "articles", article)
    text = open(path, encoding="utf-8").read()
    body = text.index("\n---", 3) + 4
    paragraph = text.index("\n\n", body) + 2
    while text[paragraph] in "#-![>":  # the first plain paragraph
        paragraph = text.index("\n\n", paragraph) + 2
    # Before the paragraph's last word: its opening words, and so its anchor, stay as they were.
    space = text.rindex(" ", paragraph, text.index("\n\n", paragraph))
    open(path, "w", encoding="utf-8").write(text[:space] + " zorgvuldig" + text[space:])
    edited = os.path.join(WORK, "search-edit-site")
    build(bin_path, copy, edited)
    after = search_files(edited)
    changed = [p for p in sorted(set(before) | set(after)) if before.get(p) != after.get(p)]
    shutil.rmtree(copy, ignore_errors=True)
    shutil.rmtree(edited, ignore_errors=True)
    return changed, len(after)


def main():
    bin_path = binary()
    sizes = [int(n) for n in os.environ.get("SIZES", "500 1000 2000").split()]
    os.makedirs(WORK, exist_ok=True)
    rows = []
    for n in sizes:
        corpus = os.environ.get("CORPUS") or os.path.join(WORK, "corpus-%d" % n)
        if not os.path.isdir(corpus):
            subprocess.run([bin_path, "corpus", "--output", corpus, "--articles", str(n)], check=True)
        site = os.path.join(WORK, "search-site-%d" % n)
        build(bin_path, corpus, site)
        files = search_files(site)
        disk = sum(len(b) for b in files.values())
        handler = functools.partial(QuietHandler, directory=site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = "http://127.0.0.1:%d/" % server.server_address[1]
        per_query = []
        for query in QUERIES:
            total, urls, summary = query_bytes(base, query)
            per_query.append(total)
            print("%5d articles  %-12s %8d bytes  %-28s %s" % (n, query, total, summary,
                  " ".join(u.replace(base, "") for u in urls)), file=sys.stderr)
        server.shutdown()
        changed, count = edit_rewrites(bin_path, corpus, files)
        print("%5d articles  one-article edit rewrites %d of %d search files: %s" % (n, len(changed), count, " ".join(changed)),
              file=sys.stderr)
        rows.append((n, disk, len(files), statistics.median(per_query), max(per_query), len(changed)))
    print("| articles | index on disk | index files | bytes per query, median | maximum | files a one-article edit rewrites |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n, disk, count, median, most, changed in rows:
        print("| %d | %.1f MB | %d | %.1f kB | %.1f kB | %d |" % (n, disk / 1e6, count, median / 1e3, most / 1e3, changed))


if __name__ == "__main__":
    main()
