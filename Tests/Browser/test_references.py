"""References of which only the author and year are known, as a reader sees them: marked as such, quietly, in the
literature page, the article's own list and the citation's preview; complete references as the author wrote them."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ARTICLE = "artikelen/nieuw-leiderschap-in-de-professionele-ruimte/"
NOTE = "— alleen auteur en jaar bekend"
# A bare surname with a full stop before its year, such as "Bion. (1967).": what a reader took for a typo.
STRAY = re.compile(r"\b[A-Z][a-z]+\. \(\d{4}\)")


def test_the_literature_page_marks_and_counts_its_incomplete_entries(browser, base_url):
    browser.get(base_url + "literatuur/")
    count = browser.find_element(By.CSS_SELECTOR, ".references-incomplete").text
    match = re.fullmatch(r"(\d+) van de (\d+) bronnen zijn onvolledig: alleen auteur en jaar bekend\.", count)
    assert match, count
    entries = browser.find_elements(By.CSS_SELECTOR, "ul.references > li")
    assert int(match.group(2)) == len(entries)
    notes = browser.find_elements(By.CSS_SELECTOR, "ul.references > li .reference-note")
    assert int(match.group(1)) == len(notes) > 0
    bion = browser.find_element(By.ID, "bion1967").find_element(By.CSS_SELECTOR, "p.reference")
    assert bion.text == "Bion (1967) " + NOTE
    assert browser.find_element(By.ID, "collins1991").find_element(By.CSS_SELECTOR, "p.reference").text.startswith("Collins & Porras (1991) ")
    assert browser.find_element(By.ID, "mcauley2000").find_element(By.CSS_SELECTOR, "p.reference").text.startswith("McAuley e.a. (2000) ")
    # A complete reference keeps its APA form.
    assert browser.find_element(By.ID, "kegan1994").find_element(By.CSS_SELECTOR, "p.reference").text.startswith("Kegan, R. (1994). In over our heads")
    # No entry with a note keeps the stray full stop (an entry with a title keeps the author's form, whatever it is).
    for note in notes:
        text = note.find_element(By.XPATH, "..").text
        assert not STRAY.search(text), text
    # The note is quiet: smaller and in the muted colour, not the text's.
    note = bion.find_element(By.CSS_SELECTOR, ".reference-note")
    style = lambda element, name: element.value_of_css_property(name)
    assert style(note, "color") != style(bion, "color")
    assert float(style(note, "font-size").rstrip("px")) < float(style(bion, "font-size").rstrip("px"))
    assert style(note, "font-style") == "normal", "not italic, as an APA title is"


def test_the_articles_list_and_the_preview_show_what_is_known(browser, base_url):
    browser.get(base_url + ARTICLE)
    item = browser.find_element(By.ID, "bron-bion1967")
    assert item.text == "Bion (1967) " + NOTE + " →"
    link = browser.find_element(By.CSS_SELECTOR, "a.citation[data-ref='bion1967']")
    browser.execute_script("arguments[0].focus()", link)
    preview = WebDriverWait(browser, 5).until(EC.visibility_of_element_located((By.ID, "kb-preview")))
    assert "Bion (1967) " + NOTE in preview.text
    assert preview.find_element(By.CSS_SELECTOR, ".reference-note")
