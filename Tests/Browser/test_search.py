"""Instant search from the header of every page, over HTTP and from a folder opened as file://, as a reader uses it."""
import glob
import json
import os
import re
import unicodedata

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def fold(word):
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).lower())


def read_index(site_dir):
    """Every file of stems: key -> {forms, pages, stems}."""
    buckets = {}
    for path in glob.glob(os.path.join(site_dir, "search", "terms", "*.js")):
        text = open(path, encoding="utf-8").read()
        buckets[os.path.basename(path)[:-3]] = json.loads(text[text.index("] = ") + 4:].rstrip().rstrip(";"))
    return buckets


def entry_of(buckets, form):
    """The stem entry of a folded word form, as the index holds it."""
    for bucket in buckets.values():
        for stem, entry in bucket["stems"].items():
            if form in entry["f"]:
                return stem, entry
    raise AssertionError("no stem for " + form)


def type_query(browser, text):
    box = browser.find_element(By.ID, "site-search-input")
    box.clear()
    box.click()
    box.send_keys(text)
    WebDriverWait(browser, 10).until(lambda d: box.get_attribute("aria-expanded") == "true"
                                     and d.find_elements(By.CSS_SELECTOR, "#site-search-list [role=option]"))
    return box


def options(browser):
    return browser.find_elements(By.CSS_SELECTOR, "#site-search-list [role=option]:not(.search-all)")


def article_url(base):
    return base + "artikelen/de-kunst-van-het-leiden/"


@pytest.mark.parametrize("over", ["http", "file"])
def test_instant_search_shows_sections_the_true_count_and_whole_words(browser, base_url, site_dir, over):
    start = article_url(base_url) if over == "http" else "file://" + os.path.join(site_dir, "artikelen", "de-kunst-van-het-leiden", "index.html")
    browser.get(start)
    type_query(browser, "vertrouwen")
    buckets = read_index(site_dir)
    stem, entry = entry_of(buckets, "vertrouwen")
    # "vertrouwen" also finds its past forms ("vertrouwde", stem vertrouwd): the count is their sections together.
    sections = set()
    for form in ("vertrouwen", "vertrouwde"):
        _, found = entry_of(buckets, form)
        pages = next(b["pages"] for b in buckets.values() if found in b["stems"].values())
        sections |= {(pages[h[0]][1], h[2]) for h in found["h"]}
    entry = dict(entry, f=entry["f"] + ["vertrouwde"])
    summary = browser.find_element(By.CSS_SELECTOR, "#site-search-panel .search-summary").text
    assert summary.startswith("%d resultaten" % len(sections)), summary
    shown = options(browser)
    assert 0 < len(shown) <= 8
    titles = [o.find_element(By.CSS_SELECTOR, ".search-title").text for o in shown]
    assert len(set(titles)) == len(titles), "a page and section shows once: %s" % titles
    assert any(" › " in t for t in titles), "hits name their section: %s" % titles
    marks = browser.find_elements(By.CSS_SELECTOR, "#site-search-list mark")
    assert marks, "the word is highlighted"
    for mark in marks:
        assert fold(mark.text) in entry["f"], mark.text
        # Whole words: the mark is not inside a longer word.
        around = browser.execute_script(
            "var m = arguments[0], p = m.previousSibling, n = m.nextSibling;"
            "return [p ? p.textContent.slice(-1) : '', n ? n.textContent.slice(0, 1) : ''];", mark)
        assert not any(c.isalnum() for c in around), (mark.text, around)


def test_keyboard_slash_arrows_enter_and_escape(browser, base_url):
    browser.get(base_url)
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    box = browser.find_element(By.ID, "site-search-input")
    assert browser.switch_to.active_element == box, "/ focuses the search box"
    type_query(browser, "identiteit")
    box.send_keys(Keys.ARROW_DOWN)
    first = options(browser)[0]
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("aria-expanded") == "false"
    box.send_keys(Keys.ARROW_DOWN)
    WebDriverWait(browser, 10).until(lambda d: box.get_attribute("aria-expanded") == "true")
    box.send_keys(Keys.ARROW_DOWN)
    target = options(browser)[0].get_attribute("data-href")
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "zoeken" not in d.current_url and d.current_url != base_url)
    assert target.split("#")[0].split("/")[-2] in browser.current_url
    # Ctrl+K from the page reached.
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.CONTROL, "k")
    assert browser.switch_to.active_element.get_attribute("id") == "site-search-input"


def test_kegan_finds_the_literature_and_an_alias_finds_its_concept_with_the_definition(browser, base_url):
    browser.get(base_url)
    type_query(browser, "Kegan")
    titles = [o.find_element(By.CSS_SELECTOR, ".search-title").text for o in options(browser)]
    assert any(t.startswith("Literatuur › Kegan") for t in titles), titles
    count = int(browser.find_element(By.CSS_SELECTOR, ".search-summary").text.split()[0])
    assert count > 2
    type_query(browser, "betekenisgeving")
    first = options(browser)[0]
    assert first.find_element(By.CSS_SELECTOR, ".search-title").text == "Betekenis"
    assert first.find_element(By.CSS_SELECTOR, ".search-excerpt").text.startswith("Het interpreteren en waarderen waardoor iets betekenis krijgt")


def test_niet_weten_and_client_fold_and_join(browser, base_url):
    browser.get(base_url)
    for query, expected in [("niet weten", "niet-weten"), ("NIET-WETEN", "niet-weten"), ("client", "cliënt")]:
        type_query(browser, query)
        text = " ".join(o.text.lower() for o in options(browser))
        assert expected in text, (query, text)


def test_typing_a_prefix_loads_only_the_files_it_needs(browser, base_url, site_dir):
    browser.get(base_url)
    type_query(browser, "vertr")
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
        ".filter(function (n) { return n.indexOf('/search/') >= 0; });")
    keys = [re.search(r"/terms/([a-z0-9]+)\.js$", name).group(1) for name in loaded if "/terms/" in name]
    assert keys, loaded
    assert all("vertr".startswith(k) or k.startswith("vertr") for k in keys), keys
    assert "vertrouwen" in " ".join(o.text.lower() for o in options(browser))


def test_the_browser_finds_every_form_under_its_stem(browser, base_url, site_dir):
    """The whole vocabulary: the browser's look-up gives each form the stem the index (libstemmer) gave it."""
    buckets = read_index(site_dir)
    expected = {}
    for bucket in buckets.values():
        for stem, entry in bucket["stems"].items():
            for form in entry["f"]:
                expected[form] = stem
    browser.get(base_url)
    browser.set_script_timeout(120)
    got = browser.execute_async_script(
        "var forms = arguments[0], done = arguments[arguments.length - 1];"
        "Promise.all(forms.map(function (f) { return window.KennisbankSearch.stemOf(f); })).then(function (stems) {"
        "  var out = {}; forms.forEach(function (f, i) { out[f] = stems[i]; }); done(out); });",
        sorted(expected))
    assert len(expected) > 2000
    assert got == expected


def test_the_search_page_lists_every_carried_result_and_works_as_a_form(browser, base_url):
    browser.get(base_url + "zoeken/?q=leiderschap")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li a")))
    status = browser.find_element(By.ID, "search-status").text
    count = int(status.split()[0])
    shown = browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    assert len(shown) == min(count, 20), "a page of 20 results, then 'Meer resultaten'"
    links = [li.find_element(By.TAG_NAME, "a").get_attribute("href") for li in shown]
    assert len(set(links)) == len(links)


def test_without_javascript_the_box_is_a_form_to_the_search_page(browser_without_js, base_url):
    browser_without_js.get(base_url)
    box = browser_without_js.find_element(By.ID, "site-search-input")
    assert box.get_attribute("role") is None
    box.send_keys("vertrouwen")
    box.submit()
    WebDriverWait(browser_without_js, 10).until(lambda d: "zoeken/" in d.current_url)
    assert "q=vertrouwen" in browser_without_js.current_url


# ---------- Search that forgives (issue 28): at a phone's and a desktop's width ----------

from conftest import make_driver  # noqa: E402


@pytest.fixture(scope="module", params=[390, 1280], ids=["390px", "1280px"])
def sized(request):
    driver = make_driver(width=request.param)
    yield driver
    driver.quit()


def search_page(driver, base_url, query):
    """The search page run for `query`, once its status is no longer 'Zoeken…'."""
    from urllib.parse import quote
    driver.get(base_url + "zoeken/?q=" + quote(query))
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "Zoeken…"))
    return driver.find_element(By.ID, "search-status")


def result_titles(driver):
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li .search-title")]


def open_header_search(driver, text):
    """Types into the header box; on a phone the search button opens it first."""
    box = driver.find_element(By.ID, "site-search-input")
    if not box.is_displayed():
        driver.find_element(By.CSS_SELECTOR, ".site-search button").click()
        WebDriverWait(driver, 5).until(lambda d: box.is_displayed())
    return type_query(driver, text)


def test_stop_words_are_left_out_so_wat_is_purpose_finds_purpose_first(sized, base_url):
    status = search_page(sized, base_url, "wat is purpose")
    assert "zonder “wat”, “is”" in status.text, status.text
    titles = result_titles(sized)
    assert titles and titles[0] == "Purpose", titles
    kinds = [k.text for k in sized.find_elements(By.CSS_SELECTOR, "#search-results li .search-kind")]
    assert kinds[0].lower() == "begrip", kinds
    # The stop words' files of words are loaded (they name the stop words), their files of stems are not.
    loaded = sized.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert any(name.endswith("/search/words/wa.js") for name in loaded), loaded
    assert not [name for name in loaded if re.search(r"/search/terms/(wa|is)[a-z]*\.js$", name)], loaded
    # The header box gives the same first result.
    sized.get(base_url)
    open_header_search(sized, "wat is purpose")
    WebDriverWait(sized, 10).until(lambda d: options(d) and options(d)[0].find_element(By.CSS_SELECTOR, ".search-title").text == "Purpose")
    # A query of stop words alone still looks for them.
    status = search_page(sized, base_url, "wat")
    assert status.text.split()[0].isdigit(), status.text


def test_a_typo_is_answered_with_a_word_of_the_site(sized, base_url):
    status = search_page(sized, base_url, "identiteid")
    assert "Niets gevonden" in status.text and "Bedoelde je identiteit?" in status.text, status.text
    status.find_element(By.LINK_TEXT, "identiteit").click()
    WebDriverWait(sized, 10).until(lambda d: "q=identiteit" in d.current_url and result_titles(d))
    assert sized.find_element(By.ID, "search-input").get_attribute("value") == "identiteit"
    # In the header box the suggestion is an option that runs its search.
    sized.get(base_url)
    box = open_header_search(sized, "identiteid")
    suggestion = WebDriverWait(sized, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#site-search-list .search-suggestion"))[0]
    assert suggestion.text == "Bedoelde je identiteit?"
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    WebDriverWait(sized, 10).until(lambda d: box.get_attribute("value") == "identiteit" and options(d))
    summary = sized.find_element(By.CSS_SELECTOR, "#site-search-panel .search-summary").text
    assert summary.endswith("voor “identiteit”"), summary


def test_every_result_of_a_query_with_more_than_twenty_is_reachable_with_the_true_count(sized, base_url, site_dir):
    stem, entry = entry_of(read_index(site_dir), "identiteit")
    assert 20 < entry["n"] <= 100 and len(entry["h"]) == entry["n"], "the index carries every section of identiteit"
    status = search_page(sized, base_url, "identiteit")
    assert status.text.startswith("%d resultaten" % entry["n"]), status.text
    assert len(result_titles(sized)) == 20
    more = sized.find_element(By.CSS_SELECTOR, ".search-more")
    assert more.text == "Meer resultaten (nog %d)" % (entry["n"] - 20)
    more.click()
    WebDriverWait(sized, 5).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results li")) == entry["n"])
    assert not more.is_displayed(), "no more results"
    # The focus moves to the first new result.
    assert sized.switch_to.active_element.get_attribute("href") == sized.find_elements(By.CSS_SELECTOR, "#search-results li a")[20].get_attribute("href")
    links = [a.get_attribute("href") for a in sized.find_elements(By.CSS_SELECTOR, "#search-results li a")]
    assert len(set(links)) == entry["n"], "every section once"


def test_vertrouwen_ranks_the_exact_form_first_and_finds_vertrouwde(sized, base_url):
    search_page(sized, base_url, "vertrouwen")
    items = sized.find_elements(By.CSS_SELECTOR, "#search-results li")
    assert len(items) >= 2
    def exact_in(item):
        return "vertrouwen" in [fold(w) for w in re.findall(r"[\w’']+", item.text)]
    flags = [exact_in(item) for item in items]
    assert flags[0], [item.text for item in items]
    assert flags == sorted(flags, reverse=True), "every result with the exact form before those with another form"
    marks = {fold(m.text) for m in sized.find_elements(By.CSS_SELECTOR, "#search-results mark")}
    assert "vertrouwde" in marks, marks


def test_results_are_compact_on_a_phone(sized, base_url):
    search_page(sized, base_url, "identiteit")
    items = sized.find_elements(By.CSS_SELECTOR, "#search-results li")
    tallest = max(item.size["height"] for item in items[:10])
    title_size = float(sized.execute_script(
        "return getComputedStyle(document.querySelector('#search-results .search-title')).fontSize").rstrip("px"))
    if sized.get_window_size()["width"] < 600 or sized.execute_script("return innerWidth") < 600:
        assert title_size <= 16, title_size
        assert tallest <= 130, "a result takes at most about a seventh of the screen: %d px" % tallest
    visible = [i for i in items if i.rect["y"] < sized.execute_script("return innerHeight")]
    assert len(visible) >= 4, "several results on the first screen"


def test_a_stop_word_no_word_of_the_site_starts_with_is_left_out_too(sized, base_url):
    """No word of the real content starts with "uw": its file of words names the stop word alone."""
    status = search_page(sized, base_url, "uw identiteit")
    assert "zonder “uw”" in status.text, status.text
    assert result_titles(sized)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_search_results_suggestions_and_the_panel_have_no_axe_violations(base_url, width, scheme):
    """axe-core over what the script adds: a page of results with 'Meer resultaten', a 'Bedoelde je …' link, and the
    header panel open with results and with a suggestion."""
    from conftest import Axe, describe_violations
    driver = make_driver(width=width, scheme=scheme)
    driver.set_script_timeout(60)
    failures = {}
    try:
        for query in ("identiteit", "identiteid"):
            search_page(driver, base_url, query)
            violations = Axe().run(driver)["violations"]
            if violations:
                failures["zoeken/?q=" + query] = describe_violations(violations)
        for query in ("wat is purpose", "identiteid"):
            driver.get(base_url)
            open_header_search(driver, query)
            violations = Axe().run(driver)["violations"]
            if violations:
                failures["panel " + query] = describe_violations(violations)
    finally:
        driver.quit()
    assert not failures, "\n\n".join("%s (%s, %d px):\n%s" % (what, scheme, width, text) for what, text in failures.items())
