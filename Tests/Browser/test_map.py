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


# The map's box, its focus node's circle and label, the window and the page's widths.
GEOMETRY = """
var svg = document.querySelector('figure.map-figure svg.concept-map');
svg.scrollIntoView({block: 'center'});
function box(element) { if (!element) return null; var r = element.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }
return {map: box(svg), circle: box(svg.querySelector('a.node.focus circle')), label: box(svg.querySelector('a.node.focus text')),
        window: {width: window.innerWidth, height: window.innerHeight},
        scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth};
"""


def inside(box, width, height):
    return box["left"] >= 0 and box["top"] >= 0 and box["right"] <= width and box["bottom"] <= height


@pytest.mark.parametrize("width", [390, 1280])
def test_map_fits_the_screen_centred_on_its_concept(site_dir, base_url, width):
    pages = map_pages(site_dir)
    concepts = [path for path in pages if path.startswith("begrippen/") and path != "begrippen/"]
    assert "begrippen/identity-workspace/" in concepts and len(concepts) == 20, concepts
    driver = make_driver(width=width, height=844)
    try:
        for path in ["begrippen/"] + concepts:
            driver.get(base_url + path)
            geometry = driver.execute_script(GEOMETRY)
            window = geometry["window"]
            # No sideways scrolling of the page, and the map within the window's width.
            assert geometry["scrollWidth"] <= geometry["clientWidth"], (path, width, geometry)
            assert geometry["map"]["left"] >= 0 and geometry["map"]["right"] <= window["width"], (path, width, geometry)
            if path == "begrippen/":
                continue
            # A concept's map fits the window whole, its own node and label visible, in the map's centre.
            assert inside(geometry["map"], window["width"], window["height"]), (path, width, geometry)
            assert inside(geometry["circle"], window["width"], window["height"]), (path, width, geometry)
            assert inside(geometry["label"], window["width"], window["height"]), (path, width, geometry)
            centre = (geometry["circle"]["left"] + geometry["circle"]["right"]) / 2
            middle = (geometry["map"]["left"] + geometry["map"]["right"]) / 2
            assert abs(centre - middle) < 2, (path, width, centre, middle)
    finally:
        driver.quit()


def view_box(driver):
    return [float(n) for n in driver.execute_script(
        "return document.querySelector('dialog.map-dialog svg.concept-map').getAttribute('viewBox')").split()]


@pytest.mark.parametrize("width", [390, 1280])
def test_enlarged_map_fills_the_screen_zooms_and_pans(base_url, width):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.wheel_input import ScrollOrigin

    driver = make_driver(width=width, height=844)
    try:
        driver.get(base_url + "begrippen/identity-workspace/")
        driver.find_element(By.CSS_SELECTOR, "button.map-enlarge").click()
        stage = driver.find_element(By.CSS_SELECTOR, "dialog.map-dialog .map-stage")
        geometry = driver.execute_script("""
            var stage = arguments[0].getBoundingClientRect();
            var circle = arguments[0].querySelector('a.node.focus circle').getBoundingClientRect();
            return {stage: {left: stage.left, top: stage.top, right: stage.right, bottom: stage.bottom},
                    circle: {left: circle.left, top: circle.top, right: circle.right, bottom: circle.bottom},
                    width: window.innerWidth, height: window.innerHeight};""", stage)
        # The dialog's map takes most of the screen, whatever its size, and shows its focus.
        assert inside(geometry["stage"], geometry["width"], geometry["height"]), geometry
        assert geometry["stage"]["right"] - geometry["stage"]["left"] > 0.9 * geometry["width"], geometry
        assert geometry["stage"]["bottom"] - geometry["stage"]["top"] > 0.6 * geometry["height"], geometry
        assert inside(geometry["circle"], geometry["width"], geometry["height"]), geometry
        home = view_box(driver)
        # The wheel zooms in about the pointer: the visible part of the map gets smaller.
        ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(stage), 0, -300).perform()
        zoomed = view_box(driver)
        assert zoomed[2] < home[2] * 0.8 and abs(zoomed[3] / zoomed[2] - home[3] / home[2]) < 0.01, (home, zoomed)
        # A drag pans: the map follows the pointer (the view moves the other way), and no link is followed.
        url = driver.current_url
        ActionChains(driver).move_to_element_with_offset(stage, 10, 10).click_and_hold().move_by_offset(60, 40) \
            .move_by_offset(20, 10).release().perform()
        panned = view_box(driver)
        assert panned[0] < zoomed[0] and panned[1] < zoomed[1] and panned[2] == zoomed[2], (zoomed, panned)
        assert driver.current_url == url
        # Two fingers moving apart zoom in (pointer events, as a touch screen sends them).
        driver.execute_script("""
            var stage = arguments[0], r = stage.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
            function send(type, id, dx) { stage.dispatchEvent(new PointerEvent(type, {pointerId: id, pointerType: 'touch', isPrimary: id === 11, clientX: x + dx, clientY: y, bubbles: true})); }
            send('pointerdown', 11, -20); send('pointerdown', 12, 20);
            send('pointermove', 12, 60); send('pointermove', 11, -60);
            send('pointerup', 11, -60); send('pointerup', 12, 60);""", stage)
        pinched = view_box(driver)
        assert pinched[2] < panned[2] * 0.6, (panned, pinched)
        # The keys zoom out and fit the whole map again.
        driver.switch_to.active_element.send_keys("-")
        assert view_box(driver)[2] > pinched[2]
        driver.switch_to.active_element.send_keys("0")
        assert view_box(driver) == pytest.approx(home, abs=0.01)
    finally:
        driver.quit()


@pytest.mark.parametrize("width", [390, 1280])
def test_neighbours_light_up_when_a_node_has_focus(base_url, width):
    driver = make_driver(width=width, height=844)
    try:
        driver.get(base_url + "begrippen/identity-workspace/")
        # From the enlarge button the keyboard reaches the map's first node.
        driver.find_element(By.CSS_SELECTOR, "button.map-enlarge").send_keys(Keys.TAB)
        names = driver.execute_script("""return Array.from(document.querySelectorAll(
            'figure.map-figure svg.concept-map a.node')).map(function (a) { return a.textContent; });""")
        for index, name in enumerate(names):
            active = driver.switch_to.active_element
            assert active.get_attribute("textContent") == name
            state = driver.execute_script("""
                var svg = document.querySelector('figure.map-figure svg.concept-map');
                var nodes = Array.from(svg.querySelectorAll('a.node')), index = arguments[0], expected = [];
                svg.querySelectorAll('.edges line').forEach(function (line) {
                    var ends = line.getAttribute('data-ends').split(' ').map(Number);
                    if (ends[0] === index) expected.push(ends[1]); else if (ends[1] === index) expected.push(ends[0]);
                });
                var lit = nodes.map(function (node, i) { return node.classList.contains('lit') ? i : -1; }).filter(function (i) { return i >= 0; });
                var litText = svg.querySelector('a.node.lit text'), plainText = svg.querySelector('a.node:not(.lit):not(:focus) text');
                return {lighting: svg.classList.contains('lighting'), lit: lit, expected: expected.sort(function (a, b) { return a - b; }),
                        litLines: svg.querySelectorAll('.edges line.lit').length,
                        litColour: litText ? getComputedStyle(litText).fill : null,
                        plainColour: plainText ? getComputedStyle(plainText).fill : null};""", index)
            assert state["lighting"] and state["lit"] == state["expected"], (name, state)
            assert state["litLines"] == len(state["expected"]) and state["expected"], (name, state)
            if state["litColour"] and state["plainColour"]:
                assert state["litColour"] != state["plainColour"], (name, state)
            active.send_keys(Keys.TAB)
        # Leaving the map puts the lights out.
        assert not driver.execute_script("return document.querySelector('figure.map-figure svg.concept-map').classList.contains('lighting')")
    finally:
        driver.quit()
