"""The e-book of the real Content, page by page in headless Chromium: every XHTML document of the spine and the
navigation document parses as XML and, in both colour schemes at 1280 and 390 px, has no violations of axe-core's default rules (WCAG 2 A and AA, best
practices). DAISY Ace, the EPUB accessibility checker, runs axe-core on the content documents the same way; it
cannot be installed here, so this is the part of it that can run."""
import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading
import xml.etree.ElementTree as ElementTree
import zipfile

import pytest
from conftest import REPOSITORY, Axe, QuietHandler, describe_violations, kennisbank_binary, make_driver

OPF = "{http://www.idpf.org/2007/opf}"


@pytest.fixture(scope="module")
def book():
    """The book's folder, unpacked, served over loopback HTTP: (base URL, the documents to read, in spine order)."""
    folder = tempfile.mkdtemp(prefix="kennisbank-epub-")
    epub = os.path.join(folder, "reeks.epub")
    subprocess.run([kennisbank_binary(), "export", "epub", "--content", os.path.join(REPOSITORY, "Content"),
                    "--templates", os.path.join(REPOSITORY, "Templates"), "--modified", "2026-11-29", "--output", epub],
                   check=True)
    unpacked = os.path.join(folder, "book")
    with zipfile.ZipFile(epub) as archive:
        archive.extractall(unpacked)
    package = ElementTree.parse(os.path.join(unpacked, "EPUB", "package.opf")).getroot()
    items = {item.get("id"): item for item in package.iter(OPF + "item")}
    spine = [items[ref.get("idref")].get("href") for ref in package.iter(OPF + "itemref")]
    navigation = [item.get("href") for item in items.values() if "nav" in (item.get("properties") or "").split()]
    handler = functools.partial(QuietHandler, directory=os.path.join(unpacked, "EPUB"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield "http://127.0.0.1:%d/" % server.server_address[1], navigation + spine
    server.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_every_document_of_the_book_parses_and_has_no_axe_violations(book, scheme, width):
    base, documents = book
    assert len(documents) >= 6, documents  # navigation, title page, two articles, glossary, miniatures, literature
    driver = make_driver(width=width, height=900, scheme=scheme)
    driver.set_script_timeout(60)
    axe = Axe()
    failures = {}
    try:
        for document in documents:
            driver.get(base + document)
            # Chromium reads .xhtml as XML: a document that is not well-formed shows a parser error instead.
            assert not driver.find_elements("css selector", "parsererror"), document
            assert driver.execute_script("return document.contentType") == "application/xhtml+xml", document
            result = axe.run(driver)
            if result["violations"]:
                failures[document] = describe_violations(result["violations"])
    finally:
        driver.quit()
    assert not failures, "\n\n".join("%s (%s, %d px):\n%s" % (document, scheme, width, text) for document, text in failures.items())
