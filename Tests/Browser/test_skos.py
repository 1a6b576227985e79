"""The concept scheme as SKOS: rdflib reads begrippen.ttl and begrippen.jsonld of the real site into the concepts,
labels and relations the site shows (concepts.json), and the concept index links both."""
import json
import os
import pathlib

import pytest

rdflib = pytest.importorskip("rdflib")
from rdflib import Literal, URIRef  # noqa: E402
from rdflib.namespace import DCTERMS, RDF, SKOS  # noqa: E402

# How the files write each relation type of concepts.json.
PROPERTIES = {
    "broader": SKOS.broader, "narrower": SKOS.narrower,
    "partOf": DCTERMS.isPartOf, "hasPart": DCTERMS.hasPart,
    "opposite": SKOS.related, "related": SKOS.related,
}


def folder(site_dir):
    return pathlib.Path(site_dir) / "begrippen"


def graph(site_dir, name, form):
    path = folder(site_dir) / name
    parsed = rdflib.Graph()
    # Relative IRIs resolve against the file's own place, as a reader fetching it from the site would.
    parsed.parse(path.as_uri(), format=form)
    return parsed


@pytest.fixture(scope="module")
def concepts(site_dir):
    with open(os.path.join(site_dir, "concepts.json"), encoding="utf-8") as file:
        return json.load(file)["concepts"]


def iri(site_dir, slug):
    return URIRef((folder(site_dir) / slug).as_uri() + "/")


def expected_triples(site_dir, concepts):
    """The triples the site's concepts call for: the scheme, and per concept its type, scheme, labels, definition and
    the relations the authors stated, from both ends."""
    scheme = URIRef(folder(site_dir).as_uri() + "/")
    triples = {(scheme, RDF.type, SKOS.ConceptScheme)}
    for concept in concepts:
        node = iri(site_dir, concept["slug"])
        triples |= {(node, RDF.type, SKOS.Concept), (node, SKOS.inScheme, scheme),
                    (node, SKOS.prefLabel, Literal(concept["title"], lang="nl"))}
        triples |= {(node, SKOS.altLabel, Literal(alias, lang="nl")) for alias in concept["aliases"] if alias != concept["title"]}
        if concept.get("summary"):
            triples.add((node, SKOS.definition, Literal(concept["summary"], lang="nl")))
        for relation in concept["relations"]:
            triples.add((node, PROPERTIES[relation["type"]], iri(site_dir, relation["concept"])))
    return triples


@pytest.mark.parametrize("name,form", [("begrippen.ttl", "turtle"), ("begrippen.jsonld", "json-ld")])
def test_skos_files_hold_the_sites_concepts(site_dir, concepts, name, form):
    parsed = graph(site_dir, name, form)
    expected = expected_triples(site_dir, concepts)
    title = [triple for triple in parsed if triple[1] == DCTERMS.title]
    assert len(title) == 1
    assert set(parsed) - set(title) == expected
    # Every concept is there, and the typed relations of the real Content with them.
    assert len(set(parsed.subjects(RDF.type, SKOS.Concept))) == len(concepts)
    lens, whole = iri(site_dir, "systemische-lens"), iri(site_dir, "vijf-lenzen")
    assert (lens, DCTERMS.isPartOf, whole) in parsed and (whole, DCTERMS.hasPart, lens) in parsed


def test_turtle_and_json_ld_say_the_same(site_dir):
    from rdflib.compare import isomorphic
    assert isomorphic(graph(site_dir, "begrippen.ttl", "turtle"), graph(site_dir, "begrippen.jsonld", "json-ld"))


def test_concept_index_links_the_scheme(site_dir):
    page = (folder(site_dir) / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="text/turtle" title="Begrippen als SKOS (Turtle)" href="begrippen.ttl">' in page
    assert '<link rel="alternate" type="application/ld+json" title="Begrippen als SKOS (JSON-LD)" href="begrippen.jsonld">' in page
