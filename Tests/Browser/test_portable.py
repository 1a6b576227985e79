"""The portable build read from a folder: opened as files (file://), every page is reached by clicking."""
import os
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY, kennisbank_binary


@pytest.fixture(scope="module")
def portable_site():
    folder = tempfile.mkdtemp(prefix="kennisbank-portable-")
    output = os.path.join(folder, "Site")
    subprocess.run([kennisbank_binary(), "build", "--portable", "--content", os.path.join(REPOSITORY, "Content"),
                    "--templates", os.path.join(REPOSITORY, "Templates"), "--output", output], cwd=folder, check=True)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


def click(browser, selector):
    """Clicks the first element matching `selector` and waits for the next page."""
    link = browser.find_element(By.CSS_SELECTOR, selector)
    before = browser.current_url
    browser.execute_script("arguments[0].click();", link)
    WebDriverWait(browser, 10).until(lambda driver: driver.current_url != before)
    return browser.current_url


def assert_page(browser):
    """The page shown is a page of the site, not a directory listing or an error."""
    assert browser.current_url.startswith("file://")
    assert browser.current_url.split("#")[0].split("?")[0].endswith(".html"), browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, "main"), "no page at " + browser.current_url


def test_every_kind_of_page_is_reached_by_clicking_from_the_home_page(browser, portable_site):
    home = "file://" + os.path.join(portable_site, "index.html")
    for selector in ["main a[href*='artikelen/']", "nav a[href^='begrippen/']", "main a[href*='begrippen/']",
                     "nav a[href^='miniaturen/']", "nav a[href^='literatuur/']"]:
        browser.get(home)
        click(browser, selector)
        assert_page(browser)
    # From a concept's page onwards, to a miniature, and back home by the breadcrumbs.
    browser.get("file://" + os.path.join(portable_site, "miniaturen", "index.html"))
    click(browser, "main a[href*='index.html']")
    assert_page(browser)
    assert "/miniaturen/" in browser.current_url
    click(browser, ".breadcrumbs a")
    assert_page(browser)


def test_search_and_its_hits_work_from_the_folder(browser, portable_site):
    browser.get("file://" + os.path.join(portable_site, "index.html"))
    box = browser.find_element(By.ID, "site-search-input")
    box.send_keys("identity workspace")
    box.submit()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li a")))
    assert "/zoeken/index.html" in browser.current_url
    click(browser, "#search-results li a")
    assert_page(browser)
