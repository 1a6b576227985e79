"""The small things of issue 28, as a reader meets them in Chromium at 1280 and 390 px: the ¶ and # links out of
the accessibility tree and the tab order (but there for the pointer), Dutch breadcrumbs with one link per level,
the right current page in the navigation on every page kind, the draft label of a draft route, one list per lens
on a miniature, the internal mark "→" of a reference, durations that do not break, and "Ook:" with other names
only."""
import urllib.parse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ARTICLES = ["artikelen/de-kunst-van-het-leiden/", "artikelen/nieuw-leiderschap-in-de-professionele-ruimte/"]
DRAFT_ROUTE = "leerroutes/door-de-vijf-lenzen/"


def absolute(driver, element):
    """The link's target as the browser resolves it, without its fragment."""
    return urllib.parse.urldefrag(element.get_property("href"))[0]


def test_anchor_links_are_out_of_the_accessibility_tree_and_the_tab_order(driver, base_url):
    driver.get(base_url + ARTICLES[0])
    anchors = driver.find_elements(By.CSS_SELECTOR, "a.anchor")
    assert len(anchors) > 50
    for anchor in anchors:
        assert anchor.get_attribute("aria-hidden") == "true"
        assert anchor.get_attribute("tabindex") == "-1"
    # Chromium's own accessibility tree has no node for them (CDP: what a screen reader is given).
    driver.execute_cdp_cmd("Accessibility.enable", {})
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    names = [node.get("name", {}).get("value", "") for node in nodes if not node.get("ignored")]
    assert not [name for name in names if name in ("Link naar deze alinea", "Link naar deze kop", "¶")], "a ¶ link is in the tree"
    assert "Kruimelpad" in names and "Samenvatting" in names  # the tree itself was read


def test_anchor_links_are_there_for_the_pointer(driver, base_url):
    driver.get(base_url + ARTICLES[0])
    paragraph = driver.find_element(By.CSS_SELECTOR, ".prose p[id]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", paragraph)
    ActionChains(driver).move_to_element(paragraph).perform()
    anchor = paragraph.find_element(By.CSS_SELECTOR, "a.anchor")
    assert float(anchor.value_of_css_property("opacity")) == 1.0
    # The pointer hits the link itself at its place: clickable to copy.
    hit = driver.execute_script("var r = arguments[0].getBoundingClientRect();"
                                "return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === arguments[0];", anchor)
    assert hit


def test_the_keyboard_reaches_the_contents_in_under_20_stops(driver, base_url):
    for article in ARTICLES:
        driver.get(base_url + article)
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        reached = None
        for stop in range(1, 40):
            element = driver.switch_to.active_element
            assert "anchor" not in (element.get_attribute("class") or "")
            # Wide: the first link of the contents; narrow: the "Inhoud en begrippen" disclosure that holds them.
            if element.find_elements(By.XPATH, "ancestor-or-self::nav[contains(@class, 'toc')]") or \
                    element.find_elements(By.XPATH, "self::summary[parent::details[contains(@class, 'outline')]]"):
                reached = stop
                break
            element.send_keys(Keys.TAB)
        assert reached is not None and reached < 20, (article, driver.width, reached)


BREADCRUMBS = {
    ARTICLES[0]: ["Start", "De kunst van het leiden"],
    "begrippen/identity-workspace/": ["Start", "Begrippen", "Identity workspace"],
    "miniaturen/het-te-grote-pak/": ["Start", "Miniaturen", "Het te grote pak"],
    DRAFT_ROUTE: ["Start", "Leerroutes", "Door de vijf lenzen"],
    "begrippen/": ["Start", "Begrippen"],
    "literatuur/": ["Start", "Literatuur"],
    "zoeken/": ["Start", "Zoeken"],
}


@pytest.mark.parametrize("path", sorted(BREADCRUMBS))
def test_breadcrumbs_are_dutch_with_one_link_per_level(driver, base_url, path):
    driver.get(base_url + path)
    links = driver.find_elements(By.CSS_SELECTOR, "nav.breadcrumbs a")
    assert [link.get_attribute("textContent").strip() for link in links] == BREADCRUMBS[path]
    targets = [absolute(driver, link) for link in links]
    assert len(set(targets)) == len(targets), targets
    assert targets[0] == base_url
    assert targets[-1] == base_url + path
    assert [link.get_attribute("aria-current") for link in links] == [None] * (len(links) - 1) + ["page"]


CURRENT = {
    "": "Artikelen", "begrippen/": "Begrippen", "miniaturen/": "Miniaturen", "leerroutes/": "Leerroutes",
    "literatuur/": "Literatuur", ARTICLES[0]: None, "begrippen/identity-workspace/": None,
    "miniaturen/het-te-grote-pak/": None, DRAFT_ROUTE: None, "zoeken/": None, "404.html": None,
}


@pytest.mark.parametrize("path", sorted(CURRENT))
def test_the_navigation_marks_the_current_page_on_every_page_kind(driver, base_url, path):
    driver.get(base_url + path)
    current = driver.find_elements(By.CSS_SELECTOR, ".site-nav a[aria-current]")
    assert [link.get_attribute("textContent").strip() for link in current] == ([CURRENT[path]] if CURRENT[path] else [])
    for link in current:
        assert link.get_attribute("aria-current") == "page"


def test_a_draft_route_is_labelled_in_a_drafts_build(driver, base_url):
    for path in [DRAFT_ROUTE, "leerroutes/", ""]:
        driver.get(base_url + path)
        labels = [label for label in driver.find_elements(By.CSS_SELECTOR, ".draft-label") if label.is_displayed()]
        assert labels and all(label.text.strip().lower() == "conceptversie" for label in labels), path
        assert labels[0].size["height"] > 8


def test_a_miniature_lists_each_lens_once(driver, base_url):
    driver.get(base_url + "miniaturen/het-te-grote-pak/")
    lenses = [absolute(driver, a) for a in driver.find_elements(By.XPATH, "//section[h2[@id='lenzen']]//a")]
    concepts = [absolute(driver, a) for a in driver.find_elements(By.XPATH, "//section[h2[@id='begrippen-in-deze-miniatuur']]//a")]
    assert lenses == [base_url + "begrippen/psychodynamische-lens/"]
    assert concepts and not set(lenses) & set(concepts), concepts


@pytest.mark.parametrize("article", ARTICLES)
def test_a_reference_links_to_the_literature_with_an_internal_mark(driver, base_url, article):
    driver.get(base_url + article)
    assert "↗" not in driver.find_element(By.TAG_NAME, "body").text
    marks = driver.find_elements(By.CSS_SELECTOR, ".references a.reference-link")
    assert marks
    for mark in marks:
        assert mark.get_attribute("textContent") == "→"
        assert "underline" in mark.value_of_css_property("text-decoration-line")
        assert absolute(driver, mark) == base_url + "literatuur/"


def test_durations_do_not_break(driver, base_url):
    for path in [DRAFT_ROUTE, "leerroutes/", ""]:
        driver.get(base_url + path)
        durations = driver.find_elements(By.CSS_SELECTOR, ".duration")
        assert durations, path
        for duration in durations:
            assert duration.value_of_css_property("white-space") == "nowrap"
            lines = driver.execute_script("return arguments[0].getClientRects().length", duration)
            assert lines == 1, (path, duration.text)


def test_ook_lists_other_names_only(driver, base_url):
    driver.get(base_url + "begrippen/identity-workspace/")
    assert driver.find_element(By.CSS_SELECTOR, ".aliases").text == "Ook: identiteitswerkplaats"
    driver.get(base_url + "begrippen/professionele-ruimte/")
    assert not driver.find_elements(By.CSS_SELECTOR, ".aliases")
    driver.get(base_url + "begrippen/betekenis/")
    assert driver.find_element(By.CSS_SELECTOR, ".aliases").text == "Ook: betekenisgeving, sensemaking, sense-making"


def test_the_wide_column_of_an_article_shows_that_it_scrolls(driver, base_url):
    if driver.width < 1024:
        pytest.skip("the column is a disclosure under the title below 64rem")
    driver.get(base_url + ARTICLES[0])
    outline = driver.find_element(By.CSS_SELECTOR, ".outline")
    taller = driver.execute_script("return arguments[0].scrollHeight > arguments[0].clientHeight", outline)
    assert taller, "the column fits the window: nothing to cue"
    assert "gradient" in outline.value_of_css_property("background-image")
    assert "local" in outline.value_of_css_property("background-attachment")
