"""Every result of a word in more sections than its file of stems carries is reachable, with the true count: a
generated corpus small enough to build in seconds where common words are in more than 100 sections, clicked through
to the last result over HTTP and from the folder (file://), on a phone and on a desktop."""
import functools
import glob
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import QuietHandler, kennisbank_binary, make_driver, REPOSITORY

DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@pytest.fixture(scope="module")
def corpus_site():
    """A generated corpus of 12 articles of 2,000 words: words such as "wanneer" are in more than 100 sections."""
    folder = tempfile.mkdtemp(prefix="kennisbank-more-")
    content, output = os.path.join(folder, "content"), os.path.join(folder, "Site")
    subprocess.run([kennisbank_binary(), "corpus", "--output", content, "--articles", "12", "--concepts", "20",
                    "--references", "40", "--miniatures", "10", "--words", "2000", "--seed", "1"], check=True,
                   capture_output=True)
    subprocess.run([kennisbank_binary(), "build", "--content", content, "--templates", os.path.join(REPOSITORY, "Templates"),
                    "--output", output], check=True, capture_output=True)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def corpus_url(corpus_site):
    handler = functools.partial(QuietHandler, directory=corpus_site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield "http://127.0.0.1:%d/" % server.server_address[1]
    server.shutdown()


def read_script(path):
    text = open(path, encoding="utf-8").read()
    return json.loads(text[text.index("] = ") + 4:].rstrip().rstrip(";"))


def stem_of(site, form):
    """The stem of a folded word form and its number of sections, from its file of words."""
    words = read_script(os.path.join(site, "search", "words", form[:2] + ".js"))
    stem = words["forms"][form]
    return stem, words["stems"][stem][1]


def numbers_of(site, stem, field="sections"):
    """Every section of a stem over the limit (or those its file of stems carries), as (page number, section), read
    from its file as the browser reads it."""
    more = read_script(os.path.join(site, "search", "more", stem + ".js"))
    values, index, page, found = [DIGITS.index(c) for c in more[field]], 0, -1, []
    while index < len(values):
        delta, shift = 0, 0
        while True:
            value = values[index]; index += 1
            delta |= (value & 31) << shift; shift += 5
            if value < 32: break
        page += delta
        group = 0
        while True:
            value = values[index]; index += 1
            found += [(page, group * 5 + bit) for bit in range(5) if value & (1 << bit)]
            group += 1
            if value < 32: break
    return found


def sections_of(site, stem):
    """Every section of a stem over the limit, as (url, heading), read from its files as the browser reads them."""
    more = read_script(os.path.join(site, "search", "more", stem + ".js"))
    result = []
    for page, section in numbers_of(site, stem):
        file = page // more["per"]
        entry = read_script(os.path.join(site, "search", "sections", "%d.js" % file))["pages"][page - file * more["per"]]
        result.append((entry[1], entry[3][2 * section]))
    return result


def search_page(driver, start, query):
    driver.get(start + "?q=" + quote(query))
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "Zoeken…"))
    return driver.find_element(By.ID, "search-status").text


def results(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#search-results li")


def click_to_the_end(driver):
    """Clicks "Meer resultaten" until it is gone; returns the labels the button showed."""
    labels = []
    more = driver.find_element(By.CSS_SELECTOR, ".search-more")
    while more.is_displayed():
        labels.append(more.text)
        shown = len(results(driver))
        more.click()
        WebDriverWait(driver, 10).until(lambda d: len(results(d)) > shown or not more.is_displayed())
        assert len(results(driver)) <= shown + 20
    return labels


@pytest.fixture(params=[390, 1280])
def sized(request):
    driver = make_driver(width=request.param)
    yield driver
    driver.quit()


@pytest.mark.parametrize("over", ["http", "file"])
def test_every_result_of_a_word_in_more_than_100_sections_is_reachable(sized, corpus_site, corpus_url, over):
    stem, count = stem_of(corpus_site, "wanneer")
    assert count > 100, "the corpus has the word in more sections than a file of stems carries"
    expected = sections_of(corpus_site, stem)
    assert len(expected) == count
    start = corpus_url + "zoeken/" if over == "http" else "file://" + os.path.join(corpus_site, "zoeken", "index.html")
    status = search_page(sized, start, "wanneer")
    assert status.startswith("%d resultaten voor “wanneer”." % count), status
    assert len(results(sized)) == 20
    labels = click_to_the_end(sized)
    assert labels[0] == "Meer resultaten (nog %d)" % (count - 20), labels
    # Every section once: the page and the heading each result names, and its link.
    shown = results(sized)
    named = [(li.find_element(By.CSS_SELECTOR, "a").get_attribute("href"), li.find_element(By.CSS_SELECTOR, ".search-title").text)
             for li in shown]
    distinct = len(set(expected))
    assert len(shown) == distinct, "every section of the word, each once (%d of %d)" % (len(shown), distinct)
    assert len({href for href, _ in named}) == distinct, "each result links to its own section"
    for (url, heading) in set(expected):
        assert any(href.split("#")[0].rstrip("/").endswith(url.rstrip("/")) or href.split("#")[0].endswith(url + "index.html")
                   for href, _ in named), url
    # The results past the carried ones name their section and no excerpt.
    assert not shown[-1].find_elements(By.CSS_SELECTOR, ".search-excerpt")
    assert sized.switch_to.active_element.get_attribute("href") == named[(len(shown) - 1) // 20 * 20][0], \
        "the focus is on the first result of the last page added"
    # The last result leads to its section.
    last_href, last_title = named[-1]
    shown[-1].find_element(By.CSS_SELECTOR, "a").click()
    WebDriverWait(sized, 10).until(lambda d: d.current_url.split("#")[0] == last_href.split("#")[0])
    if "#" in last_href:
        anchor = last_href.split("#")[1]
        assert sized.find_elements(By.ID, anchor), "the section's anchor is on the page: " + anchor
        heading = sized.find_element(By.ID, anchor)
        assert heading.text.strip() and heading.text.strip() in last_title, (heading.text, last_title)


def test_two_words_over_the_limit_count_their_common_sections(sized, corpus_site, corpus_url):
    """A query of two words that are each in more than 100 sections: the count is that of the sections holding both,
    and every one of them is reachable."""
    first, second = stem_of(corpus_site, "wanneer")[0], stem_of(corpus_site, "betekent")[0]
    both = set(sections_of(corpus_site, first)) & set(sections_of(corpus_site, second))
    assert 20 < len(both)
    status = search_page(sized, corpus_url + "zoeken/", "wanneer betekent")
    assert status.startswith("%d resultaten" % len(both)), status
    click_to_the_end(sized)
    shown = results(sized)
    assert len(shown) == len(both)
    assert len({li.find_element(By.CSS_SELECTOR, "a").get_attribute("href") for li in shown}) == len(both)


def test_a_word_over_the_limit_with_a_word_the_site_lacks_finds_nothing(sized, corpus_url):
    status = search_page(sized, corpus_url + "zoeken/", "wanneer qwxzqv")
    assert status.startswith("Niets gevonden voor “wanneer qwxzqv”."), status


def test_the_first_page_of_results_loads_no_file_of_sections(sized, corpus_site, corpus_url):
    """The files of a word's sections load only when the reader asks for more: the first page comes from the file
    of stems alone, and a click on "Meer resultaten" loads the word's own file and a few files of sections."""
    search_page(sized, corpus_url + "zoeken/", "wanneer")
    def loaded():
        return sized.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert not [name for name in loaded() if "/search/more/" in name or "/search/sections/" in name], loaded()
    sized.find_element(By.CSS_SELECTOR, ".search-more").click()
    WebDriverWait(sized, 10).until(lambda d: len(results(d)) > 20)
    more = [name for name in loaded() if "/search/more/" in name]
    assert more == [corpus_url + "search/more/%s.js" % stem_of(corpus_site, "wanneer")[0]], more


def carried_numbers(site, stem, key):
    """The sections a stem's file of stems carries, as (page number, section): each hit names its page's number and
    its section."""
    bucket = read_script(os.path.join(site, "search", "terms", key + ".js"))
    return {(bucket["pages"][hit[0]][3], hit[5]) for hit in bucket["stems"][stem]["h"]}


def test_a_rarer_word_with_a_word_over_the_limit_reaches_every_section_of_both(sized, corpus_site, corpus_url):
    """A query of a word in more than 100 sections and a rarer word: the true count of the sections that hold both,
    every one of them reachable, though the common word's file of stems carries only a few of them; the rarer word's
    own hits show them, so no file of sections loads."""
    common_stem = stem_of(corpus_site, "wanneer")[0]
    common = set(numbers_of(corpus_site, common_stem))
    common_carried = set(numbers_of(corpus_site, common_stem, "carried"))
    # The rarer word: a whole word in at most 100 sections, with no stem a query would add to it (one differing by
    # a d or t), that shares the most sections with "wanneer" beyond those "wanneer" carries.
    best = None
    for path in glob.glob(os.path.join(corpus_site, "search", "words", "*.js")):
        words = read_script(path)
        for form, stem in words["forms"].items():
            key, count = words["stems"][stem]
            if not (20 < count <= 100) or len(form) < 4 or form in words["stop"]:
                continue
            if any(other in words["stems"] for other in (stem + "d", stem + "t", stem[:-1] if stem[-1:] in "dt" else None)):
                continue
            rare = carried_numbers(corpus_site, stem, key)
            assert len(rare) == count, "a word in at most 100 sections carries every one of them"
            both = rare & common
            if best is None or len(both - common_carried) > len(best[1] - common_carried):
                best = (form, both)
    form, both = best
    assert len(both) > 20 and len(both - common_carried) > len(both & common_carried), \
        "the corpus has a rarer word whose sections with the common word are mostly not carried by it (%s: %d)" % (form, len(both))
    status = search_page(sized, corpus_url + "zoeken/", "wanneer " + form)
    assert status.startswith("%d resultaten voor" % len(both)), (form, status)
    assert "of meer" not in status, status
    labels = click_to_the_end(sized)
    assert labels[0] == "Meer resultaten (nog %d)" % (len(both) - 20), labels
    shown = results(sized)
    assert len(shown) == len(both)
    assert len({li.find_element(By.CSS_SELECTOR, "a").get_attribute("href") for li in shown}) == len(both)
    loaded = sized.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert not [name for name in loaded if "/search/sections/" in name], "the rarer word's hits show every result"
    assert [name for name in loaded if "/search/more/" in name] == [corpus_url + "search/more/%s.js" % common_stem]


def test_a_word_still_being_typed_has_its_true_count_on_the_search_page(sized, corpus_site, corpus_url):
    """A prefix stands for its three most frequent words; on the search page its count is the true number of their
    sections (the header box, which searches at every keystroke, may say "of meer")."""
    prefix = "wanne"
    words = read_script(os.path.join(corpus_site, "search", "words", prefix[:2] + ".js"))
    stems = {stem for form, stem in words["forms"].items() if form.startswith(prefix)}
    stems = sorted(stems, key=lambda stem: (-words["stems"][stem][1], stem))[:3]
    assert any(words["stems"][stem][1] > 100 for stem in stems), "the prefix stands for a word in more than 100 sections"
    sections = set()
    for stem in stems:
        key, count = words["stems"][stem]
        sections |= set(numbers_of(corpus_site, stem)) if count > 100 else carried_numbers(corpus_site, stem, key)
    status = search_page(sized, corpus_url + "zoeken/", prefix)
    assert status.startswith("%d resultaten voor" % len(sections)), status
    assert "of meer" not in status, status
