"""Walking a learning route in Chromium: from the route's page through every step with the route bar's "Volgende"
and back, over HTTP (the real site built with --drafts, served under a sub-path) and from a portable folder
opened as files; the bar says each step's task; a step's link in the route's Common Cartridge opens the step with
its bar and task; a page in two routes shows the route its link named; without JavaScript there is no bar and the
route page links every step; the bar has no axe-core violations in either colour scheme."""
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ElementTree
import zipfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY, Axe, kennisbank_binary, make_driver

ROUTE = "leerroutes/door-de-vijf-lenzen/"
TITLE = "Door de vijf lenzen"
STEPS = 6

# A second route through one page of the first (the concept Vijf lenzen), for the page in two routes.
SECOND_ROUTE = """---
title: Proefroute
draft: true
---
1. [[niet-weten]] — Lees de definitie. (5 min)
2. [[vijf-lenzen]] — Lees de definitie nog eens. (5 min)
"""


@pytest.fixture(scope="module")
def portable_site():
    folder = tempfile.mkdtemp(prefix="kennisbank-routes-")
    content = os.path.join(folder, "Content")
    shutil.copytree(os.path.join(REPOSITORY, "Content"), content)
    with open(os.path.join(content, "leerroutes", "proefroute.md"), "w", encoding="utf-8") as file:
        file.write(SECOND_ROUTE)
    output = os.path.join(folder, "Site")
    subprocess.run([kennisbank_binary(), "build", "--portable", "--drafts", "--content", content,
                    "--templates", os.path.join(REPOSITORY, "Templates"), "--output", output], cwd=folder, check=True)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


def follow(driver, element):
    before = driver.current_url
    driver.execute_script("arguments[0].click();", element)
    WebDriverWait(driver, 10).until(lambda d: d.current_url != before)


def bar(driver):
    """The route bar's text, once the script has added it."""
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "nav.route-bar"))
    return driver.find_element(By.CSS_SELECTOR, "nav.route-bar .route-bar-where").text


def task(driver):
    """The route bar's task line, once the script has added the bar."""
    bar(driver)
    return driver.find_element(By.CSS_SELECTOR, "nav.route-bar .route-bar-task").text


def expected_tasks(driver):
    """Each step's task as the route's page (open in `driver`) prints it: its instruction, and its duration."""
    tasks = []
    for step in driver.find_elements(By.CSS_SELECTOR, "li.route-step"):
        instruction = " ".join(step.find_element(By.CSS_SELECTOR, ".route-instruction").text.split())
        duration = step.find_elements(By.CSS_SELECTOR, ".meta .duration")
        tasks.append("Opdracht: " + instruction + (" (%s)" % duration[0].text if duration else ""))
    return tasks


def walk(driver, route_url, portable):
    """From the route's page to step 1, on with "Volgende" to the last step, one step back, and back to the route;
    on each step the bar says the step's task as the route's page does."""
    driver.get(route_url)
    links = driver.find_elements(By.CSS_SELECTOR, ".route-step-title a")
    assert len(links) == STEPS
    tasks = expected_tasks(driver)
    assert all(len(t) > len("Opdracht: ") + 10 for t in tasks), tasks
    follow(driver, links[0])
    visited = []
    for number in range(1, STEPS + 1):
        assert bar(driver) == "Stap %d van %d — %s" % (number, STEPS, TITLE)
        assert " ".join(task(driver).split()) == tasks[number - 1]
        url = driver.current_url
        assert "?leerroute=door-de-vijf-lenzen&stap=%d" % number in url, url
        assert url.split("?")[0].endswith("index.html") == portable, url
        visited.append(url.split("?")[0])
        if number < STEPS:
            follow(driver, driver.find_element(By.CSS_SELECTOR, "nav.route-bar a[rel=next]"))
    assert len(set(visited)) == STEPS
    follow(driver, driver.find_element(By.CSS_SELECTOR, "nav.route-bar a[rel=prev]"))
    assert bar(driver) == "Stap %d van %d — %s" % (STEPS - 1, STEPS, TITLE)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "nav.route-bar a[rel=next]"))
    back = driver.find_element(By.CSS_SELECTOR, "nav.route-bar .route-bar-links a:not([rel])")
    assert back.text == "Terug naar de route"
    follow(driver, back)
    assert driver.find_element(By.TAG_NAME, "h1").text == TITLE
    assert not driver.find_elements(By.CSS_SELECTOR, "nav.route-bar")


def test_walks_a_route_over_http(base_url, browser):
    walk(browser, base_url + ROUTE, portable=False)


def test_walks_a_route_from_a_folder(portable_site, browser):
    walk(browser, "file://" + os.path.join(portable_site, ROUTE, "index.html"), portable=True)


@pytest.mark.parametrize("version", ["1.1", "1.3"])
def test_a_cartridge_step_link_opens_the_step_with_its_bar_and_task(base_url, browser, version, tmp_path):
    """The route exported as a cartridge for the served site: each web link, opened as a learner who arrives from
    the platform opens it, shows the route bar at that step and the step's task."""
    cartridge = tmp_path / "route.imscc"
    subprocess.run([kennisbank_binary(), "export", "cartridge", "door-de-vijf-lenzen", "--drafts", "--version", version,
                    "--base-url", base_url, "--content", os.path.join(REPOSITORY, "Content"),
                    "--templates", os.path.join(REPOSITORY, "Templates"), "--output", str(cartridge)],
                   cwd=tmp_path, check=True, capture_output=True)
    with zipfile.ZipFile(cartridge) as archive:
        links = sorted(name for name in archive.namelist() if name.endswith("weblink.xml"))
        urls = [ElementTree.fromstring(archive.read(name)).find("{*}url").get("href") for name in links]
    assert len(urls) == STEPS
    browser.get(base_url + ROUTE)
    tasks = expected_tasks(browser)
    for number, url in enumerate(urls, start=1):
        assert url.startswith(base_url) and "?leerroute=door-de-vijf-lenzen&stap=%d" % number in url, url
        browser.get(url)
        assert bar(browser) == "Stap %d van %d — %s" % (number, STEPS, TITLE)
        assert " ".join(task(browser).split()) == tasks[number - 1]


def test_a_page_in_two_routes_shows_the_route_its_link_named(portable_site, browser):
    page = "file://" + os.path.join(portable_site, "begrippen", "vijf-lenzen", "index.html")
    browser.get(page + "?leerroute=proefroute&stap=2")
    assert bar(browser) == "Stap 2 van 2 — Proefroute"
    browser.get(page + "?leerroute=door-de-vijf-lenzen&stap=1")
    assert bar(browser) == "Stap 1 van 6 — Door de vijf lenzen"
    uses = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "section.route-uses li")]
    assert uses == ["Door de vijf lenzen (stap 1)", "Proefroute (stap 2)"]


def test_an_unknown_route_or_step_shows_no_bar(base_url, browser):
    for query in ["?leerroute=geen-route&stap=1", "?leerroute=door-de-vijf-lenzen&stap=9", "?leerroute=door-de-vijf-lenzen"]:
        browser.get(base_url + "begrippen/vijf-lenzen/" + query)
        # route.js has decided when the page has loaded and, for a query with a step, routes.js has run (the
        # script's load event, and the decision in its promise's callback, come in the same task as that run).
        WebDriverWait(browser, 10).until(lambda d: d.execute_script(
            "return document.readyState === 'complete'"
            " && (!/[?&]stap=/.test(location.search) || window.KENNISBANK_ROUTES !== undefined)"))
        assert not browser.find_elements(By.CSS_SELECTOR, "nav.route-bar"), query


def test_without_javascript_the_route_page_is_the_way_through(base_url, browser_without_js):
    browser_without_js.get(base_url + ROUTE)
    steps = browser_without_js.find_elements(By.CSS_SELECTOR, "li.route-step")
    assert len(steps) == STEPS
    for step in steps:
        assert step.find_elements(By.CSS_SELECTOR, "blockquote.route-excerpt"), step.text
    browser_without_js.get(base_url + "begrippen/vijf-lenzen/?leerroute=door-de-vijf-lenzen&stap=1")
    assert not browser_without_js.find_elements(By.CSS_SELECTOR, "nav.route-bar")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_route_bar_has_no_axe_violations(base_url, scheme, width):
    driver = make_driver(width=width, scheme=scheme)
    try:
        driver.get(base_url + "artikelen/de-kunst-van-het-leiden/?leerroute=door-de-vijf-lenzen&stap=2#vijf-lenzen-op-leiderschapsidentiteit")
        bar(driver)
        result = Axe().run(driver)
        assert result["violations"] == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    finally:
        driver.quit()
