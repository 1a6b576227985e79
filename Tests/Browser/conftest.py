"""Fixtures for the browser tests: a freshly built site served over loopback HTTP, and headless Chromium."""
import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading

import pytest

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def kennisbank_binary():
    """The kennisbank executable: KENNISBANK_BIN, or the debug build (built if needed)."""
    binary = os.environ.get("KENNISBANK_BIN")
    if binary:
        return binary
    subprocess.run(["swift", "build", "--product", "kennisbank"], cwd=REPOSITORY, check=True)
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPOSITORY, check=True, capture_output=True, text=True)
    return os.path.join(out.stdout.strip(), "kennisbank")


@pytest.fixture(scope="session")
def site_dir():
    """The real site, drafts included (the draft routes of Content/leerroutes are checked with every page)."""
    folder = tempfile.mkdtemp(prefix="kennisbank-site-")
    output = os.path.join(folder, "Site")
    subprocess.run([kennisbank_binary(), "build", "--content", os.path.join(REPOSITORY, "Content"),
                    "--templates", os.path.join(REPOSITORY, "Templates"), "--output", output, "--drafts"],
                   cwd=folder, check=True)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_dir):
    """The site served under a sub-path (/kb/), to prove links are relative."""
    root = tempfile.mkdtemp(prefix="kennisbank-serve-")
    os.symlink(site_dir, os.path.join(root, "kb"))
    handler = functools.partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d/kb/" % server.server_address[1]
    server.shutdown()
    shutil.rmtree(root, ignore_errors=True)


def make_driver(javascript=True, width=1280, height=900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=%d,%d" % (width, height), "--lang=nl"]:
        options.add_argument(argument)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_without_js():
    driver = make_driver(javascript=False)
    yield driver
    driver.quit()
