"""The reading details of an article, as a reader meets them: the phone layout, the outline that follows the
reader, concept links and citations told apart, previews that stay on screen, and a short tab order."""
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import make_driver

ARTICLE = "artikelen/de-kunst-van-het-leiden/"


def phone():
    return make_driver(width=390)


@pytest.fixture
def phone_browser():
    driver = phone()
    yield driver
    driver.quit()


def test_on_a_phone_the_header_is_one_line_and_the_outline_sits_under_the_title(phone_browser, base_url):
    phone_browser.get(base_url + ARTICLE)
    header = phone_browser.find_element(By.CSS_SELECTOR, ".site-header")
    assert header.size["height"] < 64, header.size
    title = phone_browser.find_element(By.CSS_SELECTOR, ".site-title")
    assert title.size["height"] < 30, "the site title takes one line"
    outline = phone_browser.find_element(By.CSS_SELECTOR, "details.outline")
    assert outline.location["y"] < 600, "the contents are reachable from the top, not after the article"
    assert not phone_browser.find_element(By.CSS_SELECTOR, ".toc").is_displayed()
    outline.find_element(By.TAG_NAME, "summary").click()
    toc_links = phone_browser.find_elements(By.CSS_SELECTOR, ".toc a")
    assert toc_links[0].is_displayed()
    assert phone_browser.find_element(By.CSS_SELECTOR, ".used-concepts a").is_displayed()
    # Choosing a section closes the outline and goes there.
    target = toc_links[3].get_attribute("href").split("#")[1]
    toc_links[3].click()
    WebDriverWait(phone_browser, 5).until(lambda d: d.current_url.endswith("#" + target))
    assert not phone_browser.find_element(By.CSS_SELECTOR, "details.outline").get_attribute("open")


def test_on_a_phone_the_menu_and_the_search_open_from_the_header(phone_browser, base_url):
    phone_browser.get(base_url + ARTICLE)
    nav = phone_browser.find_element(By.CSS_SELECTOR, ".site-nav")
    assert not nav.is_displayed()
    phone_browser.find_element(By.CSS_SELECTOR, ".site-menu summary").click()
    assert nav.is_displayed()
    assert [a.text for a in nav.find_elements(By.TAG_NAME, "a")] == ["Artikelen", "Begrippen", "Miniaturen", "Leerroutes", "Literatuur"]
    phone_browser.find_element(By.CSS_SELECTOR, ".prose p:nth-of-type(3)").click()
    assert not nav.is_displayed(), "a tap elsewhere closes the menu"
    box = phone_browser.find_element(By.ID, "site-search-input")
    assert not box.is_displayed()
    phone_browser.find_element(By.CSS_SELECTOR, ".site-search button").click()
    assert box.is_displayed()
    assert phone_browser.switch_to.active_element == box


def test_on_a_wide_screen_the_outline_is_the_column_beside_the_text(browser, base_url):
    browser.set_window_size(1280, 900)
    browser.get(base_url + ARTICLE)
    toc = browser.find_element(By.CSS_SELECTOR, ".toc")
    prose = browser.find_element(By.CSS_SELECTOR, ".prose")
    assert toc.is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, ".outline > summary").is_displayed()
    assert toc.location["x"] > prose.location["x"] + prose.size["width"], "the contents stand to the right of the text"


def test_the_contents_mark_the_section_being_read(browser, base_url):
    browser.set_window_size(1280, 900)
    browser.get(base_url + ARTICLE)
    links = browser.find_elements(By.CSS_SELECTOR, ".toc a")
    anchor = links[5].get_attribute("href").split("#")[1]
    browser.execute_script("document.getElementById(arguments[0]).scrollIntoView()", anchor)
    def marked(driver):
        return [c.get_attribute("href").split("#")[1] for c in driver.find_elements(By.CSS_SELECTOR, ".toc a[aria-current='location']")]
    # The first section is marked before any scrolling; the mark follows on the next animation frame after the scroll.
    WebDriverWait(browser, 5).until(lambda d: marked(d) == [anchor])
    assert marked(browser) == [anchor]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_concept_links_and_citations_look_different_without_hovering(base_url, scheme):
    driver = make_driver(scheme=scheme)
    try:
        driver.get(base_url + ARTICLE)
        style = "var s = getComputedStyle(arguments[0]); return [s.color, s.textDecorationStyle, s.textDecorationColor];"
        concept = driver.execute_script(style, driver.find_element(By.CSS_SELECTOR, ".prose a.concept"))
        citation = driver.execute_script(style, driver.find_element(By.CSS_SELECTOR, ".prose a.citation"))
        body = driver.execute_script("return getComputedStyle(arguments[0]).color", driver.find_element(By.CSS_SELECTOR, ".prose p"))
        assert concept[0] != citation[0], (concept, citation)
        assert concept[1] != citation[1], (concept, citation)
        assert body not in (concept[0], citation[0])
    finally:
        driver.quit()


def test_a_preview_near_the_bottom_of_the_window_opens_above_its_link(browser, base_url):
    browser.set_window_size(1280, 900)
    browser.get(base_url + ARTICLE)
    link = browser.find_elements(By.CSS_SELECTOR, ".prose a.citation")[2]
    # Put the link 40 px above the bottom of the window.
    browser.execute_script("var r = arguments[0].getBoundingClientRect(); window.scrollBy(0, r.bottom - window.innerHeight + 40);", link)
    ActionChains(browser).move_to_element(link).perform()
    preview = WebDriverWait(browser, 5).until(EC.visibility_of_element_located((By.ID, "kb-preview")))
    box = browser.execute_script("var p = arguments[0].getBoundingClientRect(), l = arguments[1].getClientRects()[0];"
                                 "return [p.top, p.bottom, p.left, p.right, l.top, window.innerHeight, document.documentElement.clientWidth];",
                                 preview, link)
    top, bottom, left, right, link_top, height, width = box
    assert bottom <= link_top, "above the link"
    assert top >= 0 and bottom <= height and left >= 0 and right <= width, box


def test_a_preview_waits_a_moment_on_hover(browser, base_url):
    browser.set_window_size(1280, 900)
    browser.get(base_url + ARTICLE)
    link = browser.find_element(By.CSS_SELECTOR, ".prose a.concept")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    ActionChains(browser).move_to_element(link).perform()
    shown_at_once = browser.execute_script("var p = document.getElementById('kb-preview'); return !!p && !p.hidden;")
    assert not shown_at_once
    WebDriverWait(browser, 5).until(EC.visibility_of_element_located((By.ID, "kb-preview")))


def test_paragraph_anchors_are_not_tab_stops(browser, base_url):
    browser.set_window_size(1280, 900)
    browser.get(base_url + ARTICLE)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    reached_toc = None
    for stop in range(1, 40):
        element = browser.switch_to.active_element
        assert "anchor" not in (element.get_attribute("class") or ""), "a ¶ or # link took the focus"
        if element.find_elements(By.XPATH, "ancestor::nav[contains(@class, 'toc')]"):
            reached_toc = stop
            break
        element.send_keys(Keys.TAB)
    assert reached_toc is not None and reached_toc < 20, reached_toc
