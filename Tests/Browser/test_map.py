"""The concept map in headless Chromium: labels that never overlap and stay legible on a phone, every node a
link reached by keyboard, the enlarged view, and no axe-core violations on the pages with a map."""
import glob
import os

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import make_driver

# Every label's box on screen, its rendered font size, and the link's accessible name.
LABELS = """
var figure = arguments[0] || document;
return Array.from(figure.querySelectorAll(arguments[0] ? 'svg.concept-map .node text' : 'figure.map-figure svg.concept-map .node text')).map(function (text) {
  var box = text.getBoundingClientRect();
  var matrix = text.getScreenCTM();
  var size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
  return {label: text.textContent, left: box.left, top: box.top, right: box.right, bottom: box.bottom, size: size};
});
"""


def map_pages(site_dir):
    """The paths of every page with a concept map."""
    pages = []
    for path in sorted(glob.glob(os.path.join(site_dir, "**", "index.html"), recursive=True)):
        with open(path, encoding="utf-8") as page:
            if 'class="concept-map"' in page.read():
                pages.append(os.path.relpath(os.path.dirname(path), site_dir) + "/")
    return [path.replace("./", "") for path in pages]


def overlapping(labels):
    pairs = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]:
                pairs.append((a["label"], b["label"]))
    return pairs


@pytest.mark.parametrize("width", [1280, 390])
def test_labels_never_overlap_and_stay_legible(site_dir, base_url, width):
    pages = map_pages(site_dir)
    assert "begrippen/" in pages and len(pages) > 10, pages
    driver = make_driver(width=width, height=844)
    try:
        for path in pages:
            driver.get(base_url + path)
            assert driver.execute_script("return document.documentElement.clientWidth") <= max(width, 500), path
            labels = driver.execute_script(LABELS)
            assert len(labels) > 1, path
            assert overlapping(labels) == [], (path, width)
            smallest = min(label["size"] for label in labels)
            assert smallest >= 11, (path, width, smallest)
    finally:
        driver.quit()


def test_every_node_is_one_link_reached_by_keyboard(browser, base_url):
    browser.get(base_url + "begrippen/")
    nodes = browser.find_elements(By.CSS_SELECTOR, "figure.map-figure svg.concept-map a.node")
    names = [node.get_attribute("textContent") for node in nodes]
    assert len(names) == 20 and all(names), names
    # No link inside another interactive element: the map is a named SVG document, not an image.
    svg = browser.find_element(By.CSS_SELECTOR, "figure.map-figure svg.concept-map")
    assert svg.get_attribute("role") is None and svg.get_attribute("aria-label")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.concept-map a a, svg.concept-map [role=img] a") == []
    # Tab from the enlarge button reaches every node in order, and Enter follows the link.
    button = browser.find_element(By.CSS_SELECTOR, "button.map-enlarge")
    button.send_keys(Keys.TAB)
    reached = []
    for _ in names:
        reached.append(browser.switch_to.active_element.get_attribute("textContent"))
        browser.switch_to.active_element.send_keys(Keys.TAB)
    assert reached == names
    browser.find_element(By.CSS_SELECTOR, "figure.map-figure svg.concept-map a.node").send_keys(Keys.ENTER)
    assert "/begrippen/" in browser.current_url and browser.current_url.rstrip("/") != (base_url + "begrippen").rstrip("/")


def test_enlarged_view_opens_and_closes_by_keyboard(browser, base_url):
    browser.get(base_url + "begrippen/")
    button = browser.find_element(By.CSS_SELECTOR, "button.map-enlarge")
    button.send_keys(Keys.ENTER)
    dialog = browser.find_element(By.CSS_SELECTOR, "dialog.map-dialog")
    assert dialog.get_attribute("open") is not None
    labels = browser.execute_script(LABELS, dialog)
    assert overlapping(labels) == [] and min(label["size"] for label in labels) >= 14
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert dialog.get_attribute("open") is None
    assert browser.switch_to.active_element == button


def test_map_is_static_svg_without_javascript(browser_without_js, base_url):
    browser_without_js.get(base_url + "begrippen/vijf-lenzen/")
    assert browser_without_js.find_elements(By.CSS_SELECTOR, "svg.concept-map a.node")
    assert browser_without_js.find_elements(By.CSS_SELECTOR, "button.map-enlarge") == []
    assert len(browser_without_js.find_elements(By.CSS_SELECTOR, ".map-legend li")) >= 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_map_and_miniature_pages(site_dir, base_url, scheme):
    from conftest import Axe

    driver = make_driver(width=1280, scheme=scheme)
    try:
        paths = ["begrippen/", "begrippen/vijf-lenzen/", "begrippen/culturele-lens/", "miniaturen/",
                 "miniaturen/het-te-grote-pak/", "miniaturen/de-cfo-en-het-dashboard/"]
        for path in paths:
            driver.get(base_url + path)
            result = Axe().run(driver, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
            violations = [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]
            assert violations == [], (path, scheme, violations)
            # The enlarged view too.
            driver.execute_script("var b = document.querySelector('button.map-enlarge'); if (b) b.click();")
            result = Axe().run(driver, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
            violations = [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]
            assert violations == [], (path, scheme, "dialog", violations)
    finally:
        driver.quit()
