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


def make_driver(javascript=True, width=1280, height=900, scheme=None, performance_log=False):
    """Headless Chromium. A width under 500 px, which a Chromium window cannot be, is a phone's viewport (width x 844,
    emulated); `scheme` ("light" or "dark") is the emulated prefers-color-scheme; `performance_log` keeps the
    DevTools events (network included) for `get_log("performance")`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    phone = width < 500
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=%d,%d" % (500 if phone else width, 844 if phone else height), "--lang=nl"]:
        options.add_argument(argument)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
    options.set_capability("goog:loggingPrefs", dict({"browser": "ALL"}, **({"performance": "ALL"} if performance_log else {})))
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    if phone:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    if scheme:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    return driver


class Axe:
    """axe-core 4.12 (the axe.min.js that PyPI's axe-playwright-python 0.1.8 ships), injected into the page
    Selenium shows and run there with its default rules (WCAG 2 A and AA, and its best practices) or `options`."""

    _script = None

    @classmethod
    def script(cls):
        """The axe.min.js file, read once; found without importing the package (which would import Playwright)."""
        if cls._script is None:
            import importlib.util
            spec = importlib.util.find_spec("axe_playwright_python")
            if spec is None or not spec.submodule_search_locations:
                pytest.fail("axe-playwright-python is not installed: Scripts/install-dependencies.sh --test")
            with open(os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js"), encoding="utf-8") as file:
                cls._script = file.read()
        return cls._script

    def run(self, driver, options=None):
        """axe-core's result for the page in `driver`: a dict with `violations`, `passes`, … and `testEngine`."""
        import json
        driver.execute_script(self.script())
        result = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, %s).then(done, function (error) { done({error: String(error)}); });" % json.dumps(options or {}))
        assert "error" not in result, result["error"]
        return result


def describe_violations(violations):
    """axe-core's violations, one line each: rule, impact, help and the first targets."""
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:4])
        lines.append("%s (%s): %s — %s" % (violation["id"], violation["impact"], violation["help"], targets))
    return "\n".join(lines)


WIDTHS = [1280, 390]
"""The widths the reader's tests look at: a desktop window, and a phone's viewport (emulated by make_driver)."""


@pytest.fixture(scope="module", params=WIDTHS)
def driver(request):
    """Headless Chromium at each of WIDTHS, with its width at hand as `driver.width`."""
    driver = make_driver(width=request.param)
    driver.width = request.param
    yield driver
    driver.quit()


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
