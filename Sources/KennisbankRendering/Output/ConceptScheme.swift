import Foundation
import KennisbankCore
import KennisbankContent
import KennisbankLinking

/// The concepts as a SKOS concept scheme, for thesaurus tools and learning platforms: `begrippen/begrippen.ttl`
/// (Turtle) and `begrippen/begrippen.jsonld` (JSON-LD), the same triples in both.
///
/// The scheme is the concept index (`begrippen/`), each concept its page (`begrippen/<slug>/`). With a `baseURL`
/// the IRIs are absolute (`https://…/begrippen/<slug>/`); without one they are relative (`<slug>/`, the scheme
/// `<./>`), which every RDF reader resolves against where it read the file: the pages' own addresses when the
/// files are read from the site.
///
/// Each concept is a `skos:Concept` `skos:inScheme` the scheme, with its title as `skos:prefLabel`, its aliases
/// (not the title again) as `skos:altLabel`, its summary as `skos:definition`, all tagged with site.yml's
/// `language`; and the relations the authors stated (``LinkedSite/relations``, both ends): broader and narrower
/// as `skos:broader`/`skos:narrower`, part-of as `dcterms:isPartOf`/`dcterms:hasPart` (SKOS's hierarchy stays
/// the kind-of hierarchy), opposite and related as `skos:related` (SKOS Core has no antonym; `concepts.json`
/// keeps the type). Concepts that only share paragraphs are no stated relation and are left out.
struct ConceptScheme {
    /// The site whose concepts the files state.
    let site: LinkedSite
    /// Where the files are kept between builds (`serve`), made again only when what they state changed.
    let memo: Memo

    /// The files, by what they state.
    static let made = MemoName<Inputs, [OutputFile]>("output.skos")

    /// What the files state: the site's title and language, the scheme's IRI and every concept's entry.
    struct Inputs: Equatable, Sendable {
        var title: String
        var language: String
        var scheme: String
        var entries: [Entry]
    }

    /// The folder of the files and of the scheme: the concept index.
    static let folder = PageKind.folder(of: .concept)
    /// The Turtle file's path.
    static let turtlePath = folder + "begrippen.ttl"
    /// The JSON-LD file's path.
    static let jsonLDPath = folder + "begrippen.jsonld"

    /// The SKOS Core namespace, prefix `skos:`.
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    /// The DCMI terms namespace, prefix `dcterms:` (the scheme's title, part-of).
    static let dcterms = "http://purl.org/dc/terms/"

    /// One concept as the files state it.
    struct Entry: Equatable, Sendable {
        /// The concept's IRI.
        var iri: String
        /// Its title.
        var prefLabel: String
        /// Its aliases, each once and not the title again (SKOS keeps the two apart).
        var altLabels: [String]
        /// Its summary.
        var definition: String?
        /// Its relations, in the order of the vocabulary.
        var relations: [Statement]
    }

    /// A relation as the files state it: a property (`prefix:name`) and the other concept's IRI.
    struct Statement: Equatable, Sendable {
        var property: String
        var other: String
    }

    /// The property a relation type is written with.
    static func property(of type: RelationType) -> String {
        switch type {
        case .broader: return "skos:broader"
        case .narrower: return "skos:narrower"
        case .partOf: return "dcterms:isPartOf"
        case .hasPart: return "dcterms:hasPart"
        case .opposite, .related: return "skos:related"
        }
    }

    private var baseURL: String? { site.content.site.baseURL }

    /// The scheme's IRI.
    var schemeIRI: String { baseURL.map { $0 + Self.folder } ?? "./" }

    /// A concept's IRI.
    func iri(of slug: String) -> String {
        baseURL.map { ContentID(.concept, slug).link.address(baseURL: $0) } ?? slug + "/"
    }

    /// Every concept, in the site's order.
    var entries: [Entry] {
        site.content.concepts.map { concept in
            let slug = concept.item.id.slug
            var seen: Set<String> = [concept.item.title]
            var relations: [Statement] = []
            var stated: Set<[String]> = []
            for relation in site.relations[slug] ?? [] {
                let pair = [Self.property(of: relation.type), iri(of: relation.target)]
                if stated.insert(pair).inserted { relations.append(Statement(property: pair[0], other: pair[1])) }
            }
            return Entry(iri: iri(of: slug), prefLabel: concept.item.title,
                         altLabels: concept.item.aliases.filter { seen.insert($0).inserted },
                         definition: concept.item.summary, relations: relations)
        }
    }

    /// Both files: made again only when what they state changed, so an edit to an article does not write them out
    /// anew under `serve`.
    func files() -> [OutputFile] {
        let config = site.content.site
        let inputs = Inputs(title: config.title, language: config.language, scheme: schemeIRI, entries: entries)
        return memo.value(Self.made, key: "begrippen", inputs: inputs) {
            [OutputFile(path: Self.turtlePath, text: turtle(inputs.entries)), OutputFile(path: Self.jsonLDPath, contents: jsonLD(inputs.entries))]
        }
    }

    // MARK: Turtle

    /// The Turtle document.
    func turtle(_ entries: [Entry]) -> String {
        let language = Self.languageTag(site.content.site.language)
        func text(_ value: String) -> String { Self.turtleString(value) + "@" + language }
        var out = "@prefix skos: <\(Self.skos)> .\n@prefix dcterms: <\(Self.dcterms)> .\n\n"
        out += "\(Self.turtleIRI(schemeIRI)) a skos:ConceptScheme ;\n    dcterms:title \(text(site.content.site.title)) .\n"
        for entry in entries {
            var statements = ["a skos:Concept", "skos:inScheme \(Self.turtleIRI(schemeIRI))", "skos:prefLabel \(text(entry.prefLabel))"]
            if !entry.altLabels.isEmpty { statements.append("skos:altLabel " + entry.altLabels.map(text).joined(separator: ", ")) }
            if let definition = entry.definition { statements.append("skos:definition \(text(definition))") }
            for statement in entry.relations { statements.append("\(statement.property) \(Self.turtleIRI(statement.other))") }
            out += "\n\(Self.turtleIRI(entry.iri)) " + statements.joined(separator: " ;\n    ") + " .\n"
        }
        return out
    }

    /// A Turtle string literal: quoted, with `"`, `\` and line breaks escaped (`\"`, `\\`, `\n`, `\r`, `\t`) and
    /// other control characters as `\uXXXX`.
    static func turtleString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A Turtle IRI reference: in angle brackets, with the characters an IRI reference may not hold (space,
    /// `<>"{}|^` and backquote, backslash, control characters) as `\uXXXX`.
    static func turtleIRI(_ iri: String) -> String {
        var out = "<"
        for scalar in iri.unicodeScalars {
            if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + ">"
    }

    /// A language tag as RDF allows it (letters, digits, hyphens: `nl`, `nl-BE`); `nl` for anything else.
    static func languageTag(_ language: String) -> String {
        let parts = language.split(separator: "-", omittingEmptySubsequences: false)
        let valid = !parts.isEmpty && parts.allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        } && parts[0].allSatisfy(\.isLetter)
        return valid ? language : "nl"
    }

    // MARK: JSON-LD

    /// The JSON-LD document: the same triples as ``turtle(_:)``, as a `@graph` with the prefixes in its context.
    func jsonLD(_ entries: [Entry]) -> Data {
        let language = Self.languageTag(site.content.site.language)
        func text(_ value: String) -> JSONValue { .object(["@value": .string(value), "@language": .string(language)]) }
        func reference(_ iri: String) -> JSONValue { .object(["@id": .string(iri)]) }
        var graph: [JSONValue] = [.object([
            "@id": .string(schemeIRI), "@type": .string("skos:ConceptScheme"), "dcterms:title": text(site.content.site.title),
        ])]
        for entry in entries {
            var members: [String: JSONValue] = [
                "@id": .string(entry.iri), "@type": .string("skos:Concept"), "skos:inScheme": reference(schemeIRI),
                "skos:prefLabel": text(entry.prefLabel),
            ]
            if !entry.altLabels.isEmpty { members["skos:altLabel"] = .array(entry.altLabels.map(text)) }
            if let definition = entry.definition { members["skos:definition"] = text(definition) }
            var byProperty: [String: [JSONValue]] = [:]
            for statement in entry.relations { byProperty[statement.property, default: []].append(reference(statement.other)) }
            for (property, others) in byProperty { members[property] = .array(others) }
            graph.append(.object(members))
        }
        let document = JSONValue.object([
            "@context": .object(["skos": .string(Self.skos), "dcterms": .string(Self.dcterms)]),
            "@graph": .array(graph),
        ])
        return document.data(pretty: true) + Data("\n".utf8)
    }
}
