import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// A route after linking: its introduction with wikilinks resolved and its steps, each naming the page (and the
/// heading or paragraph) it is about. Steps whose wikilink names nothing are left out, with a warning.
package struct ResolvedRoute: Hashable, Sendable {
    /// The route as written.
    package var route: Route
    /// The introduction (the blocks before the first ordered list), its wikilinks resolved.
    package var introduction: MarkdownDocument
    /// The steps, in order; a step's ``RouteStep/number`` is its place here, from 1.
    package var steps: [RouteStep]

    /// Creates a resolved route.
    package init(route: Route, introduction: MarkdownDocument, steps: [RouteStep]) {
        precondition(steps.indices.allSatisfy { steps[$0].number == $0 + 1 }, "a route's steps are numbered 1, 2, … in order")
        self.route = route
        self.introduction = introduction
        self.steps = steps
    }

    /// The route's slug.
    package var slug: String { route.item.id.slug }

    /// The numbers of the steps about `id` (its page, or a heading or paragraph of it), in order.
    package func stepNumbers(about id: ContentID) -> [Int] {
        steps.filter { $0.target == id }.map(\.number)
    }

    /// The total duration: the sum of the steps' durations, `nil` when no step has one.
    package var totalDuration: StepDuration? {
        let durations = steps.compactMap(\.duration)
        guard !durations.isEmpty else { return nil }
        return StepDuration(minimum: durations.map(\.minimum).reduce(0, +), maximum: durations.map(\.maximum).reduce(0, +))
    }
}

/// One step of a route: what it points to, the designer's instruction and how long it takes.
package struct RouteStep: Hashable, Sendable {
    /// What a step points to: a whole page, a heading's section, or one paragraph.
    package enum Place: String, Hashable, Sendable {
        /// The page (`[[niet-weten]]`).
        case page
        /// A heading of the page and its section (`[[artikel#Vier miniaturen uit de praktijk]]`).
        case heading
        /// A paragraph of the page, by its anchor (`[[artikel#leiderschap-wordt-hier-beschouwd-als]]`).
        case paragraph
    }

    /// The step's number in its route, from 1.
    package var number: Int
    /// The page the step is about.
    package var target: ContentID
    /// Its page, with the anchor of the heading or paragraph when the step names one.
    package var link: SiteLink
    /// Whether the step is about the page, a section or a paragraph.
    package var place: Place
    /// What the wikilink shows: its label, or the page's title (with the heading: "Titel › Kop").
    package var label: String
    /// The designer's instruction: the item without its wikilink, the dash after it and its duration, wikilinks resolved.
    package var instruction: MarkdownDocument
    /// How long the step takes, or `nil` when the item gives no duration.
    package var duration: StepDuration?
    /// Where the step's item starts in the route's file.
    package var position: SourcePosition

    /// Creates a step.
    package init(number: Int, target: ContentID, link: SiteLink, place: Place, label: String, instruction: MarkdownDocument,
                duration: StepDuration?, position: SourcePosition) {
        precondition(number >= 1, "steps are numbered from 1")
        precondition(link.path == target.link.path, "a step's link leads to its target's page")
        self.number = number
        self.target = target
        self.link = link
        self.place = place
        self.label = label
        self.instruction = instruction
        self.duration = duration
        self.position = position
    }

    /// The step's target as a route links it, wherever the learner comes from (the route's page, a cartridge):
    /// its page as `page` writes it (relative or absolute), then the route and the step in the query
    /// (`?leerroute=<slug>&stap=2`, which the script on the target's page reads to show the route bar), then the
    /// anchor. `route` is the route's slug, which needs no escaping.
    package func walkingAddress(route: String, page: (SiteLink) -> String) -> String {
        page(link.with(fragment: nil)) + "?leerroute=\(route)&stap=\(number)" + (link.fragment.map { "#" + $0 } ?? "")
    }
}

/// How long a step takes, in minutes: "(15 min)" or "(15-20 min)".
package struct StepDuration: Hashable, Sendable, CustomStringConvertible {
    /// The least number of minutes.
    package var minimum: Int
    /// The most; equal to ``minimum`` for a single number.
    package var maximum: Int

    /// Creates a duration.
    package init(minimum: Int, maximum: Int) {
        precondition(0 <= minimum && minimum <= maximum, "a duration runs from its minimum to a maximum at least as large")
        self.minimum = minimum
        self.maximum = maximum
    }

    /// "15 min", or "15–20 min" (an en dash, as Dutch typesetting writes a range).
    package var description: String {
        minimum == maximum ? "\(minimum) min" : "\(minimum)–\(maximum) min"
    }

    /// The words a duration may end in: "minuten", "min." and "min".
    package static let units = ["minuten", "min.", "min"]

    /// The duration of `text`, the inside of the parentheses ("15 min", "15-20 min", "15–20 minuten"), or `nil`
    /// when it is not one or two numbers before "min"/"minuten" (the second not smaller than the first).
    package static func parse(_ text: String) -> StepDuration? {
        var words = Substring(text.trimmingCharacters(in: .whitespaces))
        guard let unit = units.first(where: { words.hasSuffix($0) }) else { return nil }
        words = words.dropLast(unit.count)
        let numbers = words.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(numbers.count), numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (character: Character) in character.isASCII } }),
              let minimum = Int(numbers[0]), let maximum = Int(numbers.last!), 0 <= minimum, minimum <= maximum else { return nil }
        return StepDuration(minimum: minimum, maximum: maximum)
    }
}
