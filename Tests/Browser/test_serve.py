"""`kennisbank serve` in headless Chromium, as the author uses it: an edit reloads the open tab, a build error
shows the overlay over the last good page, and the fix removes it; a draft route carries its label."""
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY, kennisbank_binary, make_driver

ARTICLE = os.path.join("articles", "de-kunst-van-het-leiden.md")
CONCEPT = os.path.join("concepts", "purpose.md")


@pytest.fixture()
def live_browser():
    """A browser of its own: when the server stops, the tab's event stream breaks, and that console error must
    not reach the other tests' shared browser."""
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture()
def served():
    """A running `kennisbank serve` over a copy of the real Content; yields (url, content folder, log lines)."""
    folder = tempfile.mkdtemp(prefix="kennisbank-live-")
    content = os.path.join(folder, "Content")
    shutil.copytree(os.path.join(REPOSITORY, "Content"), content)
    shutil.copytree(os.path.join(REPOSITORY, "Templates"), os.path.join(folder, "Templates"))
    process = subprocess.Popen([kennisbank_binary(), "serve", "--port", "0", "--content", content,
                                "--templates", os.path.join(folder, "Templates"), "--output", os.path.join(folder, "Site")],
                               cwd=folder, stderr=subprocess.PIPE, text=True)
    lines = []
    ready = threading.Event()
    url = []

    def read():
        for line in process.stderr:
            lines.append(line)
            found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
            if found and not url:
                url.append(found.group(1))
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    assert ready.wait(300), "serve did not start:\n" + "".join(lines)
    yield url[0], content, lines
    process.terminate()
    process.wait(30)
    shutil.rmtree(folder, ignore_errors=True)


def edit(path, old, new):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    assert old in text, old
    with open(path, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new))


def test_edit_reloads_the_tab_and_an_error_shows_the_overlay(live_browser, served):
    browser = live_browser
    url, content, log = served
    browser.get(url + "artikelen/de-kunst-van-het-leiden/")
    WebDriverWait(browser, 10).until(lambda driver: driver.execute_script("return document.readyState") == "complete")
    # The event stream has connected when its first event, hello, has come.
    WebDriverWait(browser, 10).until(lambda driver: driver.execute_script("return window.__kennisbankLiveReloadConnected === true"))
    browser.execute_script("window.kennisbankMarker = 1;")

    # An edit: the open tab reloads by itself (the marker is gone) and shows the new text.
    start = time.monotonic()
    edit(os.path.join(content, ARTICLE), "In dit vijfde artikel", "In dit VIJFDE artikel")
    WebDriverWait(browser, 15).until(lambda driver: "VIJFDE" in driver.find_element(By.TAG_NAME, "main").text)
    elapsed = time.monotonic() - start
    assert browser.execute_script("return window.kennisbankMarker") is None, "the page was not reloaded"
    assert elapsed < 5, "the edit showed after %.2f s" % elapsed
    print("edit shown in the browser after %.0f ms" % (elapsed * 1000))

    # A build error: the overlay appears over the last good page, naming file, line and column.
    edit(os.path.join(content, CONCEPT), 'title: "Purpose"', 'title: ["Purpose"')
    overlay = WebDriverWait(browser, 15).until(EC.visibility_of_element_located((By.ID, "kennisbank-build-error")))
    assert re.search(r"concepts/purpose\.md:\d+:\d+: error:", overlay.text), overlay.text
    assert overlay.get_attribute("role") == "alertdialog"
    assert "VIJFDE" in browser.find_element(By.TAG_NAME, "main").get_attribute("textContent")

    # Escape hides it; the fix reloads the tab without it.
    browser.find_element(By.TAG_NAME, "body").send_keys("\ue00c")
    WebDriverWait(browser, 5).until(EC.invisibility_of_element_located((By.ID, "kennisbank-build-error")))
    browser.execute_script("window.kennisbankMarker = 2;")
    edit(os.path.join(content, CONCEPT), 'title: ["Purpose"', 'title: "Purpose"')
    WebDriverWait(browser, 15).until(lambda driver: driver.execute_script("return window.kennisbankMarker") is None)
    assert browser.find_elements(By.ID, "kennisbank-build-error") == []
    assert [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"] == [], "".join(log)


def test_under_serve_a_draft_route_carries_its_label(live_browser, served):
    url, _, _ = served
    live_browser.get(url + "leerroutes/door-de-vijf-lenzen/")
    label = live_browser.find_element(By.CSS_SELECTOR, ".page-header .draft-label")
    assert label.is_displayed() and label.text.strip().lower() == "conceptversie"
