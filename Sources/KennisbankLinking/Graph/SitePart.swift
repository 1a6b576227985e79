import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// A part of the linked site that a page's view reads. While its view is made, a page notes each part it
/// reads (``ReadLog``); an incremental build makes the view again only when one of those parts changed,
/// starting from the parts that changed rather than visiting every page.
package enum SitePart: Hashable, Sendable {
    /// The settings of site.yml.
    case settings
    /// An item as linked: its page (document, headings, mentions, citations) and its own front matter.
    case item(ContentID)
    /// What a list or a link shows of an item: its title and summary; an article's subtitle, series, authors
    /// and date; a concept's group; a miniature's lenses.
    case signature(ContentID)
    /// The articles in series order.
    case articleOrder
    /// The concepts in title order.
    case conceptOrder
    /// The miniatures in title order.
    case miniatureOrder
    /// Where a concept is mentioned, by slug.
    case mentions(String)
    /// Where a reference is cited, by key.
    case citedIn(String)
    /// The concepts related to a concept, by slug.
    case related(String)
    /// The miniatures a page embeds, by slug.
    case embeds(ContentID)
    /// The miniatures that name a concept among their lenses, in their order, by the concept's slug.
    case lensMiniatures(String)
    /// The pages that link to a page.
    case backlinks(ContentID)
    /// The reference(s) with a key: their text.
    case references(String)
    /// Every reference's key, in APA order.
    case referenceOrder
    /// The keys an article's own reference list names, by the article's slug.
    case listing(String)
    /// What the concept maps are drawn from: every concept's slug, title and group, and the related concepts.
    case conceptMap
    /// Whether the site has a feed (any article with a date).
    case feed
    /// Every learning route, resolved: what the route pages, their index and `routes.js` show.
    case routes
    /// The routes with a step about a page (their slugs and titles), for the page's "In leerroutes".
    case routesThrough(ContentID)
    /// Whether the site has any route (the navigation then leads to them).
    case hasRoutes
}

/// The parts of the site that one page's view read, noted while it is made. One per page, used by one thread.
package final class ReadLog: @unchecked Sendable {
    /// The parts noted so far.
    package private(set) var parts: Set<SitePart> = []

    /// An empty log.
    package init() {}

    /// Notes that the view read `part`.
    package func note(_ part: SitePart) {
        parts.insert(part)
    }
}
