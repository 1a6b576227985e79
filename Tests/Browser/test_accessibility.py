"""axe-core 4.12 (the axe.min.js of PyPI's axe-playwright-python 0.1.8, see conftest.Axe) on every page of the real site, in the light
and the dark colour scheme, at desktop and phone width: no violations of its default rule set (WCAG 2 A and AA,
and its best practices)."""
import os

import pytest
from conftest import Axe, describe_violations, make_driver

SCHEMES = ["light", "dark"]


def site_pages(site_dir):
    """Every HTML page the build wrote, as a path under the site root (redirect stubs of old paths included)."""
    pages = []
    for folder, _, files in os.walk(site_dir):
        for name in files:
            if name.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(folder, name), site_dir).replace(os.sep, "/"))
    return sorted(pages)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_has_no_axe_violations(site_dir, base_url, scheme, width):
    driver = make_driver(width=width, scheme=scheme)
    driver.set_script_timeout(60)
    axe = Axe()
    failures = {}
    pages = site_pages(site_dir)
    assert len(pages) > 30, pages
    try:
        for page in pages:
            driver.get(base_url + page)
            if driver.find_elements("css selector", "meta[http-equiv=refresh]"):
                # A redirect stub of an old path moves on at once; axe checks the page it lands on below.
                continue
            result = axe.run(driver)
            if result["violations"]:
                failures[page] = describe_violations(result["violations"])
    finally:
        driver.quit()
    assert not failures, "\n\n".join("%s (%s, %d px):\n%s" % (page, scheme, width, text) for page, text in failures.items())
