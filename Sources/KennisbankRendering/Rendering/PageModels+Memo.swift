import Foundation
import Mustache
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

// What the render step remembers from one build to the next, through its memo: the tables' names and the
// inputs of each kind of value.
extension PageModels {
    /// Page bodies by page path.
    static let bodies = MemoName<BodyInputs, HTMLFragment>("render.bodies")
    /// Formatted references that hold a link the engine made, by page path and key.
    static let references = MemoName<ReferenceInputs, String>("render.references")
    /// The HTML of every reference without a link the engine made, by key: the same on every page.
    static let independentReferences = MemoName<IndependentReferenceInputs, [String: String]>("render.independentReferences")
    /// Previews JSON by page path.
    static let previews = MemoName<PreviewInputs, HTMLFragment?>("render.previews")
    /// Each article's JSON-LD, by slug.
    static let jsonLD = MemoName<MetadataInputs, String>("render.jsonLD")
    /// Concept maps by focus and page path; their inputs are the generation of ``ConceptMapInputs``.
    static let conceptMaps = MemoName<Int, DrawnMap?>("render.conceptMaps")
    /// The generations of the concept maps' inputs: compared once per build, not once per map.
    static let conceptMapInputs = GenerationName<ConceptMapInputs>("render.conceptMapInputs")

    /// The inputs of a page body.
    struct BodyInputs: Equatable, Sendable {
        var document: MarkdownDocument
        var unsafe: Bool
    }

    /// The inputs of a formatted reference.
    struct ReferenceInputs: Equatable, Sendable {
        var inlines: [InlineNode]
        var unsafe: Bool
    }

    /// The inputs of the references' HTML that reads the same on every page: every reference.
    struct IndependentReferenceInputs: Equatable, Sendable {
        var references: [Reference]
        var unsafe: Bool
    }

    /// The inputs of a page's previews JSON: the linked concepts' names and summaries and the cited references.
    struct PreviewInputs: Equatable, Sendable {
        var concepts: [[String]]
        var references: [[InlineNode]]
        var keys: [String]
        var unsafe: Bool
    }

    /// The inputs of an article's JSON-LD.
    struct MetadataInputs: Equatable, Sendable {
        var article: Article
        var site: SiteConfig
    }

}

/// What the concept maps are drawn from: every concept's slug, title and group, the related concepts and the types of
/// their relations. The
/// render step keeps maps while these are unchanged; the incremental build's ``SitePart/conceptMap`` is these.
package struct ConceptMapInputs: Equatable, Sendable {
    struct Concept: Equatable, Sendable {
        var slug: String
        var title: String
        var group: String?
    }

    var concepts: [Concept]
    var related: [String: [String]]
    /// The stated relations, whose types draw the lines.
    var relations: [String: [ConceptRelation]]

    /// The inputs of a site's concept maps.
    package init(site: LinkedSite) {
        concepts = site.content.concepts.map { Concept(slug: $0.item.id.slug, title: $0.item.title, group: $0.group) }
        related = site.related
        relations = site.relations
    }
}

extension TemplateLibrary {
    /// Parsed templates by name, with the text they were parsed from.
    static let parsed = MemoName<String, Result<MustacheTemplate, Error>>("render.templates")
    /// The plans of the parsed templates by name (`nil` for one that cannot be planned), with the text they were
    /// parsed from.
    static let planned = MemoName<String, TemplatePlan?>("render.templatePlans")
}
