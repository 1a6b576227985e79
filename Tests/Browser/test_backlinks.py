"""Backlinks with their sentence on every page kind, in headless Chromium at 1280 and 390 px: an article of the real
Content lists the concept that links to it with the sentence around the link, and a miniature does the same. The
real Content links to no miniature from running text (each is only embedded in its own article, which its page names
above), so the miniature is checked on a small held-out content folder written here."""
import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium.webdriver.common.by import By

from conftest import Axe, QuietHandler, REPOSITORY, describe_violations, kennisbank_binary


HELD_OUT = {
    "site.yml": "title: Proef\nlanguage: nl\n",
    "articles/de-stilte.md": "---\ntitle: De stilte\ndate: 2024-01-01\n---\n## Zwijgen\n\n"
    + "Een leider spreekt veel. Wie [[het-moment|het moment van zwijgen]] leest, ziet wat stilte doet. Daarna volgt meer.\n",
    "articles/het-gesprek.md": "---\ntitle: Het gesprek\ndate: 2024-02-01\n---\nTekst.\n\n![[het-moment]]\n",
    "miniatures/het-moment.md": "---\ntitle: Het moment\n---\nEen leider zwijgt en wacht af.\n",
}


@pytest.fixture(scope="module")
def held_out_site():
    """The held-out content folder, built and served."""
    folder = tempfile.mkdtemp(prefix="kennisbank-backlinks-")
    content = os.path.join(folder, "Content")
    for path, text in HELD_OUT.items():
        os.makedirs(os.path.dirname(os.path.join(content, path)), exist_ok=True)
        with open(os.path.join(content, path), "w", encoding="utf-8") as file:
            file.write(text)
    output = os.path.join(folder, "Site")
    subprocess.run([kennisbank_binary(), "build", "--content", content, "--templates", os.path.join(REPOSITORY, "Templates"),
                    "--output", output], cwd=folder, check=True, capture_output=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=output))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield "http://127.0.0.1:%d/" % server.server_address[1]
    server.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


def backlinks(driver):
    """The (place, sentence, element) of each entry of the page's backlinks, each shown within the window's width."""
    section = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=verwijzingen]")
    assert section.find_element(By.TAG_NAME, "h2").text == "Pagina’s die hiernaar verwijzen"
    entries = []
    for item in section.find_elements(By.CSS_SELECTOR, "li"):
        place = item.find_element(By.CSS_SELECTOR, ".mention-place a")
        quotes = item.find_elements(By.CSS_SELECTOR, "blockquote.mention-context")
        for element in [place] + quotes:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
            assert element.is_displayed()
            right = driver.execute_script("return arguments[0].getBoundingClientRect().right", element)
            assert right <= driver.execute_script("return document.documentElement.clientWidth") + 0.5, (driver.width, element.text)
        entries.append((place, quotes[0].text if quotes else None))
    return entries


def assert_leads_to_the_paragraph(driver, place, sentence_start):
    """Following the place's link lands on the paragraph that holds the sentence."""
    href = place.get_attribute("href")
    assert "#" in href, href
    driver.get(href)
    paragraph = driver.find_element(By.ID, href.split("#", 1)[1])
    assert sentence_start in paragraph.text, (href, paragraph.text)


def test_an_article_shows_the_sentence_around_each_link_to_it(driver, base_url):
    driver.get(base_url + "artikelen/de-kunst-van-het-leiden/")
    entries = backlinks(driver)
    quoted = [(place.text, sentence) for place, sentence in entries if sentence]
    assert ("Vijf lenzen", "De lenzen zijn eerder in de reeks uitgewerkt voor executive coaches en worden in "
            "De kunst van het leiden toegepast op leiders.") in quoted, quoted
    place = next(place for place, sentence in entries if place.text == "Vijf lenzen")
    assert_leads_to_the_paragraph(driver, place, "De lenzen zijn eerder in de reeks uitgewerkt")


def test_a_miniature_shows_the_sentence_around_each_link_to_it(driver, held_out_site):
    driver.get(held_out_site + "miniaturen/het-moment/")
    entries = backlinks(driver)
    assert sorted((place.text, sentence) for place, sentence in entries) == [
        ("De stilte › Zwijgen", "Wie het moment van zwijgen leest, ziet wat stilte doet."), ("Het gesprek", None)]
    # The article that embeds it has no sentence: it says that it embeds the miniature, and leads to the embed.
    note = driver.find_element(By.CSS_SELECTOR, "#verwijzingen + ul .mention-note")
    assert note.is_displayed() and note.text == "Neemt deze miniatuur op."
    embed = next(place for place, sentence in entries if sentence is None)
    assert embed.get_attribute("href").endswith("artikelen/het-gesprek/#miniatuur-het-moment")
    violations = Axe().run(driver)["violations"]
    assert not violations, describe_violations(violations)
    place = next(place for place, sentence in entries if sentence)
    assert_leads_to_the_paragraph(driver, place, "Een leider spreekt veel.")
