import Foundation
import KennisbankCore

/// A learning module for a Common Cartridge: what a route is to a learning platform, with nothing of the route
/// code in it, so the cartridge writer is tested on its own and the EPUB or another export can be fed the same way.
package struct CartridgeModule: Sendable, Equatable {
    /// The module's slug: every identifier and file name in the cartridge is derived from it (a valid ``Slug``).
    package var identifier: String
    /// The module's title, as the platform shows it.
    package var title: String
    /// One sentence about the module, for the cartridge's metadata; `nil` for none.
    package var summary: String?
    /// The language of the titles and pages, a BCP 47 tag such as `nl`.
    package var language: String
    /// The module's introduction as an XHTML fragment, shown as a page before the first step; `nil` for none.
    package var introductionHTML: String?
    /// The steps, in the order the module walks them.
    package var steps: [CartridgeStep]

    /// Creates a module.
    package init(identifier: String, title: String, summary: String? = nil, language: String = "nl",
                introductionHTML: String? = nil, steps: [CartridgeStep]) {
        precondition(Slug.isValid(identifier), "a cartridge module's identifier is a slug: \(identifier)")
        precondition(!language.isEmpty, "a cartridge module has a language")
        self.identifier = identifier
        self.title = title
        self.summary = summary
        self.language = language
        self.introductionHTML = introductionHTML
        self.steps = steps
    }
}

/// One step of a ``CartridgeModule``: the published page it points to and what the learner is asked to do there.
package struct CartridgeStep: Sendable, Equatable {
    /// What the step is about, as its link is titled: a page's title, and the section's after it for a section.
    package var title: String
    /// The published page, absolute (`https://…/begrippen/x/#anker`): a web link carries a URL and nothing else.
    package var url: String
    /// The designer's instruction as an XHTML fragment (the markdown renderer's output, whose empty elements
    /// end in `/>`), shown on a page of its own beside the link.
    package var instructionHTML: String
    /// The step's duration as the route gives it ("15 min", "15-20 min"); `nil` for none.
    package var duration: String?

    /// Creates a step.
    package init(title: String, url: String, instructionHTML: String, duration: String? = nil) {
        precondition(url.hasPrefix("https://") || url.hasPrefix("http://"), "a cartridge step's URL is absolute: \(url)")
        self.title = title
        self.url = url
        self.instructionHTML = instructionHTML
        self.duration = duration
    }
}
