"""Dates from git as a reader sees them: "Bijgewerkt op …" under the title of an article, a concept, a miniature and
a route, calm (the small grey line of the other details), on a phone and on a wide screen. The site is the real
Content committed into a repository of the test's own at a fixed date, so the test does not depend on this clone's
history (CI may clone shallowly)."""
import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium.webdriver.common.by import By

from conftest import REPOSITORY, QuietHandler, kennisbank_binary, make_driver

PAGES = ["artikelen/de-kunst-van-het-leiden/", "begrippen/niet-weten/", "miniaturen/het-te-grote-pak/",
         "leerroutes/de-vijf-sleutelbegrippen-van-de-professionele-ruimte/"]


def git(folder, *arguments):
    environment = dict(os.environ, GIT_AUTHOR_DATE="2026-11-29T23:30:00+01:00", GIT_COMMITTER_DATE="2026-11-29T23:30:00+01:00")
    subprocess.run(["git", "-C", folder, "-c", "user.name=Proef", "-c", "user.email=proef@example.org", "-c", "commit.gpgsign=false"]
                   + list(arguments), check=True, env=environment, capture_output=True)


@pytest.fixture(scope="module")
def dated_site():
    folder = tempfile.mkdtemp(prefix="kennisbank-dates-")
    repository = os.path.join(folder, "repo")
    shutil.copytree(os.path.join(REPOSITORY, "Content"), os.path.join(repository, "Content"))
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "inhoud")
    output = os.path.join(folder, "Site")
    subprocess.run([kennisbank_binary(), "build", "--content", os.path.join(repository, "Content"),
                    "--templates", os.path.join(REPOSITORY, "Templates"), "--output", output, "--drafts"], cwd=folder, check=True)
    handler = functools.partial(QuietHandler, directory=output)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield "http://127.0.0.1:%d/" % server.server_address[1]
    server.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_updated_line_sits_calmly_under_the_title(dated_site, width):
    driver = make_driver(width=width)
    try:
        for page in PAGES:
            driver.get(dated_site + page)
            line = driver.find_element(By.CSS_SELECTOR, "header.page-header p.updated")
            assert line.is_displayed(), page
            assert line.text == "Bijgewerkt op 29 november 2026", (page, line.text)
            time = line.find_element(By.TAG_NAME, "time")
            assert time.get_attribute("datetime") == "2026-11-29T23:30:00+01:00"
            title = driver.find_element(By.CSS_SELECTOR, "header.page-header h1")
            assert line.location["y"] > title.location["y"], "under the title"
            # Calm: the small, muted type of the other details, not the text's.
            style = driver.execute_script(
                "const s = getComputedStyle(arguments[0]), b = getComputedStyle(document.body);"
                "return [parseFloat(s.fontSize), parseFloat(b.fontSize), s.color, b.color];", line)
            assert style[0] < style[1], (page, style)
            assert style[2] != style[3], "muted, not the colour of the text"
            assert line.size["height"] < 2.2 * style[0] * 1.6, "one line, or two on a phone at most"
            overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (page, overflow)
            driver.save_screenshot(os.path.join(tempfile.gettempdir(), "kennisbank-dates-%d-%s.png" % (width, page.strip("/").replace("/", "-"))))
    finally:
        driver.quit()
