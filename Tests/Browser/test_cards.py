"""Concept cards in Chromium: the deck (begrippen/kaarten/) shows every concept as a card, prints as A6 cards four
to an A4 sheet (Chromium's own PDF), and a concept's card page shows in an iframe on another site; both pass axe
in both schemes at both widths."""
import base64
import functools
import http.server
import json
import math
import os
import re
import tempfile
import threading

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import Axe, QuietHandler, describe_violations, make_driver

DECK = "begrippen/kaarten/"
MM = 96 / 25.4  # CSS pixels per millimetre


def concepts(site_dir):
    with open(os.path.join(site_dir, "concepts.json"), encoding="utf-8") as file:
        return json.load(file)["concepts"]


def test_the_deck_has_a_card_per_concept_with_title_summary_and_group(base_url, site_dir, browser):
    browser.get(base_url + DECK)
    cards = browser.find_elements(By.CSS_SELECTOR, "ul.card-deck > li.concept-card")
    expected = concepts(site_dir)
    assert len(cards) == len(expected) > 0
    titles = [card.find_element(By.CSS_SELECTOR, ".concept-card-title").text for card in cards]
    assert titles == sorted(titles, key=str.casefold) and set(titles) == {c["title"] for c in expected}
    for card in cards:
        assert card.find_element(By.CSS_SELECTOR, ".concept-card-summary").text
    groups = [g.text for g in browser.find_elements(By.CSS_SELECTOR, ".concept-card-group")]
    assert "DE VIJF LENZEN" in [g.upper() for g in groups]


def test_the_deck_prints_as_a6_cards_four_to_an_a4_sheet(base_url, site_dir, browser):
    browser.get(base_url + DECK)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        sizes = browser.execute_script(
            "return Array.from(document.querySelectorAll('.card-deck .concept-card'))"
            ".map(function (c) { var r = c.getBoundingClientRect(); return [r.width, r.height]; });")
        visible = browser.execute_script(
            "return ['.site-header', '.page-header', '.concept-card-links'].filter(function (s) {"
            " var e = document.querySelector(s); return e && getComputedStyle(e).display !== 'none'; });")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert sizes and all(abs(w - 105 * MM) < 1 and abs(h - 148 * MM) < 1 for w, h in sizes), sizes[:3]
    assert visible == []
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})["data"])
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    assert len(pages) == math.ceil(len(concepts(site_dir)) / 4), len(pages)
    boxes = {tuple(round(float(v)) for v in box.split()) for box in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", pdf)}
    assert boxes == {(0, 0, 595, 842)} or boxes == {(0, 0, 596, 843)}, boxes


@pytest.fixture(scope="module")
def other_site(base_url):
    """A page on another origin (another port) that embeds a card, as a programme's own site would."""
    root = tempfile.mkdtemp(prefix="kennisbank-other-")
    with open(os.path.join(root, "index.html"), "w", encoding="utf-8") as file:
        file.write('<!DOCTYPE html><html lang="nl"><title>Programma</title><link rel="icon" href="data:,"><h1>Programma</h1>'
                   '<iframe src="%sbegrippen/niet-weten/kaart/" title="Begrip: Niet-weten" width="400" height="280"></iframe>' % base_url)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield "http://127.0.0.1:%d/" % server.server_address[1]
    server.shutdown()


def test_a_card_shows_in_an_iframe_on_another_site(other_site, browser):
    browser.get(other_site)
    frame = browser.find_element(By.TAG_NAME, "iframe")
    browser.switch_to.frame(frame)
    try:
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "h1.concept-card-title"))
        assert browser.find_element(By.CSS_SELECTOR, "h1.concept-card-title").text == "Niet-weten"
        more = browser.find_element(By.CSS_SELECTOR, ".concept-card-more a")
        assert more.get_attribute("target") == "_top" and more.get_attribute("href").endswith("/begrippen/niet-weten/")
        assert not browser.find_elements(By.CSS_SELECTOR, ".site-header")
    finally:
        browser.switch_to.default_content()
        # The shared browser's console log is read by later tests: leave nothing of the other site in it.
        browser.get_log("browser")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_deck_and_a_card_have_no_axe_violations(base_url, scheme, width):
    driver = make_driver(width=width, scheme=scheme)
    try:
        for page in [DECK, "begrippen/niet-weten/kaart/"]:
            driver.get(base_url + page)
            result = Axe().run(driver)
            assert result["violations"] == [], page + "\n" + describe_violations(result["violations"])
    finally:
        driver.quit()
