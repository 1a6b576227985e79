import Foundation
import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering

/// Typed relations between concepts: the `relations:` map, its problems, the inverses, and what the pages, the map
/// and the data files make of them.
final class ConceptRelationTests: XCTestCase {
    private func load(_ concepts: [String: String]) throws -> Content {
        var files = ["C/site.yml": "title: KB\n"]
        for (slug, text) in concepts { files["C/concepts/\(slug).md"] = text }
        return try ContentLoader(directory: "C", fileSystem: InMemoryFileSystem(files)).load()
    }

    private func concept(_ slug: String, title: String? = nil, _ fields: String = "") -> String {
        "---\ntitle: \(title ?? slug.capitalized)\n\(fields)---\nUitleg.\n"
    }

    /// The map is read in the vocabulary's order, each list as written; the untyped `related:` stays apart.
    func testTheRelationsMapIsReadInTheVocabularysOrder() throws {
        let content = try load([
            "a": concept("a", "related: [d]\nrelations:\n  opposite: [e]\n  partOf:\n    - b\n  broader: c\n"),
            "b": concept("b"), "c": concept("c"), "d": concept("d"), "e": concept("e"),
        ])
        let a = try XCTUnwrap(content.concepts.first { $0.item.id.slug == "a" })
        XCTAssertEqual(a.relations, [ConceptRelation(.broader, "c"), ConceptRelation(.partOf, "b"), ConceptRelation(.opposite, "e")])
        XCTAssertEqual(a.related, ["d"])
        XCTAssertEqual(content.diagnostics, [], "relations is a known field of concepts")
    }

    /// An unknown type and a slug that names no concept are both errors, at the key and at the slug, with "did you
    /// mean", reported together in the order they stand in the file.
    func testAnUnknownTypeAndADanglingTargetAreErrorsAtTheirPlacesAtOnce() throws {
        XCTAssertThrowsError(try load([
            "a": concept("a", "relations:\n  partof: [b]\n  broader:\n    - bb\n  tegenover: [b]\nrelated: [b]\n"),
            "b": concept("b"),
        ])) { error in
            let types = "the types are broader, narrower, partOf, hasPart, opposite, related."
            XCTAssertEqual((error as! BuildFailure).diagnostics, [
                Diagnostic(path: "C/concepts/a.md", position: SourcePosition(line: 4, column: 3), code: .unknownRelation,
                           message: "'partof' in 'relations' is no relation type; \(types)", hint: "did you mean 'partOf'?"),
                Diagnostic(path: "C/concepts/a.md", position: SourcePosition(line: 6, column: 7), code: .unresolvedSlug,
                           message: "The field 'relations.broader' names 'bb', but there is no concept 'bb' (concepts/bb.md).",
                           hint: "did you mean 'b'?"),
                Diagnostic(path: "C/concepts/a.md", position: SourcePosition(line: 7, column: 3), code: .unknownRelation,
                           message: "'tegenover' in 'relations' is no relation type; \(types)", hint: "did you mean 'opposite' (staat tegenover)?"),
            ])
        }
    }

    /// A relation the site leaves out is a warning at its slug: a concept naming itself, a pair given two types in
    /// one file, and a pair whose two files disagree (the first concept by title stands); relations that agree, as
    /// a type and its inverse written in both files, or an untyped relation beside a typed one, are no problem.
    func testARelationLeftOutIsAWarningAtItsSlug() throws {
        let content = try load([
            "a": concept("a", title: "A", "related: [a, b]\nrelations:\n  partOf: [b]\n  broader: [b, c]\n"),
            "b": concept("b", title: "B", "relations:\n  hasPart: [a]\n  opposite: [c]\n"),
            "c": concept("c", title: "C", "relations:\n  narrower: [a]\n  broader: [b]\n  related: [c]\n"),
        ])
        let warning = "warning:conflicting-relation:The field"
        XCTAssertEqual(content.diagnostics.map { "\($0.path):\($0.position!):\($0.severity):\($0.code.rawValue):\($0.message)" }, [
            "C/concepts/a.md:3:11:\(warning) 'related' names this concept itself ('a'); a concept relates only to others, so it is left out.",
            "C/concepts/a.md:5:12:\(warning) 'relations.partOf' says that this concept is onderdeel van 'b', but this file already says that it is een soort van 'b'; two concepts have one relation, so this one is left out.",
            "C/concepts/a.md:6:13:\(warning) 'relations.broader' says that this concept is een soort van 'b', but the page of 'b' already shows that this concept is onderdeel van it; the two pages disagree, and that page leaves this one out.",
            "C/concepts/b.md:4:13:\(warning) 'relations.hasPart' says that this concept heeft als onderdeel 'a', but the page of 'a' already shows that this concept omvat it; the two pages disagree, and that page leaves this one out.",
            "C/concepts/b.md:5:14:\(warning) 'relations.opposite' says that this concept staat tegenover 'c', but the page of 'c' already shows that this concept omvat it; the two pages disagree, and that page leaves this one out.",
            "C/concepts/c.md:5:13:\(warning) 'relations.broader' says that this concept is een soort van 'b', but the page of 'b' already shows that this concept staat tegenover it; the two pages disagree, and that page leaves this one out.",
            "C/concepts/c.md:6:13:\(warning) 'relations.related' names this concept itself ('c'); a concept relates only to others, so it is left out.",
        ])
        // What the warnings say is what the link step does: each page shows the relations that stand, and only those.
        let relations = RelationIndex.relations(of: content.concepts)
        XCTAssertEqual(relations["a"], [ConceptRelation(.broader, "b"), ConceptRelation(.broader, "c")])
        XCTAssertEqual(relations["b"], [ConceptRelation(.hasPart, "a"), ConceptRelation(.opposite, "c")])
        XCTAssertEqual(relations["c"], [ConceptRelation(.broader, "b"), ConceptRelation(.narrower, "a")])
        // Relations that agree give no warning.
        let agreeing = try load([
            "a": concept("a", title: "A", "related: [b]\nrelations:\n  partOf: [b]\n"),
            "b": concept("b", title: "B", "related: [a]\nrelations:\n  hasPart: [a]\n"),
        ])
        XCTAssertEqual(agreeing.diagnostics, [])
    }

    /// A value that is no list of slugs is an error at the value; a map that is no map, at the field.
    func testAValueThatIsNoListOfSlugsIsAnErrorAtTheValue() throws {
        XCTAssertThrowsError(try load(["a": concept("a", "relations:\n  partOf:\n    - 7\n"), "b": concept("b")])) { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics.map { "\($0.position!):\($0.code.rawValue):\($0.message)" },
                           ["5:7:invalid-field:The field 'relations.partOf' must be a list of concept slugs."])
        }
        XCTAssertThrowsError(try load(["a": concept("a", "relations: [b]\n"), "b": concept("b")])) { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics.map { "\($0.position!):\($0.code.rawValue)" }, ["3:12:invalid-field"])
        }
    }

    /// Each relation is read from both ends with its inverse; a typed relation outranks an untyped one for the same
    /// pair; a concept's own relations lead its list; dangling and self-relations are left out.
    func testEachRelationIsReadFromBothEndsWithItsInverse() {
        func make(_ slug: String, related: [String] = [], _ relations: [ConceptRelation] = []) -> Concept {
            Concept(item: ContentItem(id: ContentID(.concept, slug), title: slug, source: SourceFile(path: "\(slug).md", text: ""), document: MarkdownDocument(blocks: [])),
                    related: related, relations: relations)
        }
        let concepts = [
            make("deel", related: ["geheel", "los"], [ConceptRelation(.partOf, "geheel"), ConceptRelation(.broader, "soort")]),
            make("geheel", [ConceptRelation(.opposite, "tegen"), ConceptRelation(.related, "deel")]),
            make("los", related: ["los", "nergens"]), make("soort"),
            make("tegen", [ConceptRelation(.narrower, "ander")]), make("ander"),
        ]
        let relations = RelationIndex.relations(of: concepts)
        XCTAssertEqual(relations["deel"], [ConceptRelation(.broader, "soort"), ConceptRelation(.partOf, "geheel"), ConceptRelation(.related, "los")])
        XCTAssertEqual(relations["geheel"], [ConceptRelation(.hasPart, "deel"), ConceptRelation(.opposite, "tegen")])
        XCTAssertEqual(relations["soort"], [ConceptRelation(.narrower, "deel")])
        XCTAssertEqual(relations["tegen"], [ConceptRelation(.narrower, "ander"), ConceptRelation(.opposite, "geheel")])
        XCTAssertEqual(relations["ander"], [ConceptRelation(.broader, "tegen")])
        XCTAssertEqual(relations["los"], [ConceptRelation(.related, "deel")])
        for type in RelationType.allCases { XCTAssertEqual(type.inverse.inverse, type) }
    }

    /// A held-out concept set: each type and its inverse on both pages, under their labels; the map draws each kind
    /// of line with its own class and the legend names them; concepts.json carries the relations.
    func testAHeldOutSetShowsEachTypeAndItsInverseOnBothPagesAndInTheLegend() throws {
        let folder = try temporaryContentFolder([
            "concepts/vogel.md": concept("vogel", title: "Vogel", "relations:\n  broader: [dier]\n  opposite: [vis]\n"),
            "concepts/dier.md": concept("dier", title: "Dier"),
            "concepts/vis.md": concept("vis", title: "Vis", "relations:\n  hasPart: [vin]\n"),
            "concepts/vin.md": concept("vin", title: "Vin", "related: [vogel]\n"),
        ])
        let report = try inMemoryBuild(of: folder).generate()
        func page(_ path: String) throws -> String {
            String(decoding: try XCTUnwrap(report.files.first { $0.path == path }, path).contents, as: UTF8.self)
        }
        func section(_ slug: String) throws -> String {
            let html = try page("begrippen/\(slug)/index.html")
            let start = try XCTUnwrap(html.range(of: "<section aria-labelledby=\"verwante-begrippen\">"))
            return String(html[start.lowerBound...].prefix { $0 != "§" }.components(separatedBy: "</section>")[0])
        }
        func expect(_ slug: String, _ label: String, _ other: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let html = try section(slug)
            let heading = try XCTUnwrap(html.range(of: ">\(label)</h3>"), "\(slug): \(label)", file: file, line: line)
            let list = html[heading.upperBound...].components(separatedBy: "</ul>")[0]
            XCTAssertTrue(list.contains("<a href=\"../\(other)/\">"), "\(slug): \(label) \(other)\n\(html)", file: file, line: line)
        }
        try expect("vogel", "Is een soort van", "dier")
        try expect("dier", "Omvat", "vogel")
        try expect("vogel", "Staat tegenover", "vis")
        try expect("vis", "Staat tegenover", "vogel")
        try expect("vis", "Heeft als onderdeel", "vin")
        try expect("vin", "Is onderdeel van", "vis")
        try expect("vin", "Hangt samen met", "vogel")
        try expect("vogel", "Hangt samen met", "vin")

        let index = try page("begrippen/index.html")
        for (kind, label) in [("soort", "Is een soort van / omvat"), ("onderdeel", "Is onderdeel van / heeft als onderdeel"), ("tegenover", "Staat tegenover")] {
            XCTAssertNotNil(index.range(of: "<line class=\"\(kind)\" x1=\"[0-9.]+\" y1=\"[0-9.]+\" x2=\"[0-9.]+\" y2=\"[0-9.]+\" data-ends=\"[0-9]+ [0-9]+\"/>",
                                        options: .regularExpression), "the map draws a \(kind) line")
            XCTAssertTrue(index.contains("<line class=\"edge \(kind)\" x1=\"2\" y1=\"8\" x2=\"22\" y2=\"8\"/></svg>\(label)</li>"), "the legend names \(label)")
        }
        XCTAssertTrue(index.contains("</svg>Verwante begrippen</li>"))
        let vogel = try page("begrippen/vogel/index.html")
        XCTAssertTrue(vogel.contains("</svg>Is een soort van / omvat</li>") && vogel.contains("</svg>Staat tegenover</li>"))

        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: try XCTUnwrap(report.files.first { $0.path == "concepts.json" }).contents) as? [String: Any])
        let dier = try XCTUnwrap((json["concepts"] as? [[String: Any]])?.first { $0["slug"] as? String == "dier" })
        XCTAssertEqual(dier["relations"] as? [[String: String]], [["concept": "vogel", "type": "narrower", "label": "omvat"]])
    }

    /// A page with untyped relations only keeps its one list without headings.
    func testUntypedRelationsAloneStayOneListWithoutHeadings() throws {
        let folder = try temporaryContentFolder(["concepts/a.md": concept("a", "related: [b]\n"), "concepts/b.md": concept("b")])
        let report = try inMemoryBuild(of: folder).generate()
        let html = String(decoding: try XCTUnwrap(report.files.first { $0.path == "begrippen/b/index.html" }).contents, as: UTF8.self)
        XCTAssertTrue(html.contains("<h2 id=\"verwante-begrippen\">Verwante begrippen</h2>\n    <ul class=\"concept-list\">\n      <li><a href=\"../a/\">"), html)
        XCTAssertFalse(html.contains("relation-type"))
    }

    // MARK: SKOS

    /// Turtle strings escape quotes, backslashes and line breaks, other control characters as \u; IRIs escape what
    /// an IRI reference may not hold.
    func testTurtleEscaping() {
        XCTAssertEqual(ConceptScheme.turtleString("Een \"lens\" \\ of\nnieuw\r\tx\u{1}é"), "\"Een \\\"lens\\\" \\\\ of\\nnieuw\\r\\tx\\u0001é\"")
        XCTAssertEqual(ConceptScheme.turtleIRI("https://x.nl/a b<c>\"d\"/"), "<https://x.nl/a\\u0020b\\u003Cc\\u003E\\u0022d\\u0022/>")
        XCTAssertEqual(ConceptScheme.languageTag("nl-BE"), "nl-BE")
        XCTAssertEqual(ConceptScheme.languageTag("nl\" ."), "nl")
    }

    /// The files of a site with awkward text and a baseURL: absolute IRIs, the text escaped in both (the JSON-LD
    /// parses as JSON and holds the text as written).
    func testTheSchemeFilesEscapeTheirTextAndUseTheBaseURL() throws {
        let folder = try temporaryContentFolder([
            "site.yml": "title: \"KB \\\"proef\\\"\"\nbaseURL: https://kb.example/\n",
            "concepts/a.md": "---\ntitle: 'Een \"lens\" \\ met backslash'\naliases: [\"tweede\\nregel\"]\nsummary: \"Zin met \\\"aanhalingstekens\\\".\"\nrelations:\n  broader: [b]\n---\nUitleg.\n",
            "concepts/b.md": concept("b", title: "B"),
        ])
        let report = try inMemoryBuild(of: folder).generate()
        let turtle = String(decoding: try XCTUnwrap(report.files.first { $0.path == "begrippen/begrippen.ttl" }).contents, as: UTF8.self)
        XCTAssertTrue(turtle.contains("<https://kb.example/begrippen/> a skos:ConceptScheme ;\n    dcterms:title \"KB \\\"proef\\\"\"@nl .\n"), turtle)
        XCTAssertTrue(turtle.contains("""
            <https://kb.example/begrippen/a/> a skos:Concept ;
                skos:inScheme <https://kb.example/begrippen/> ;
                skos:prefLabel "Een \\"lens\\" \\\\ met backslash"@nl ;
                skos:altLabel "tweede\\nregel"@nl ;
                skos:definition "Zin met \\"aanhalingstekens\\"."@nl ;
                skos:broader <https://kb.example/begrippen/b/> .
            """), turtle)
        XCTAssertTrue(turtle.contains("<https://kb.example/begrippen/b/> a skos:Concept ;\n    skos:inScheme <https://kb.example/begrippen/> ;\n    skos:prefLabel \"B\"@nl ;\n    skos:narrower <https://kb.example/begrippen/a/> .\n"), turtle)
        let data = try XCTUnwrap(report.files.first { $0.path == "begrippen/begrippen.jsonld" }).contents
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let graph = try XCTUnwrap(json["@graph"] as? [[String: Any]])
        let a = try XCTUnwrap(graph.first { $0["@id"] as? String == "https://kb.example/begrippen/a/" })
        XCTAssertEqual((a["skos:prefLabel"] as? [String: String])?["@value"], "Een \"lens\" \\ met backslash")
        XCTAssertEqual((a["skos:altLabel"] as? [[String: String]])?.first?["@value"], "tweede\nregel")
        XCTAssertEqual(a["skos:broader"] as? [[String: String]], [["@id": "https://kb.example/begrippen/b/"]])
    }
}
