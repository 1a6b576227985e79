import Foundation

/// One item of a cartridge's module with the resource it opens and that resource's file: the manifest lists
/// the parts as items and resources, the package writes their files. Identifiers and paths are derived from the
/// module's slug and the step's number alone, so the same module gives the same cartridge.
struct CartridgePart: Sendable, Equatable {
    /// The `<item>`'s identifier.
    var itemIdentifier: String
    /// The `<item>`'s title.
    var title: String
    /// The `<resource>`'s identifier, the item's `identifierref`.
    var resourceIdentifier: String
    /// The resource's type.
    var type: CommonCartridge.ResourceType
    /// The resource's one file, its path in the package.
    var path: String
    /// The file's bytes.
    var contents: Data

    /// The labels the parts are titled with, in the module's language (Dutch: the only one the site speaks yet).
    enum Label {
        static let introduction = "Over deze leerroute"
        static func step(_ number: Int) -> String { "Stap \(number)" }
        static let instruction = "opdracht"
    }

    /// The parts of a module, in the module's order: the introduction page if there is one, then per step its
    /// web link and its instruction page, with the names of `version`.
    static func parts(of module: CartridgeModule, version: CommonCartridge) -> [CartridgePart] {
        let slug = module.identifier
        var parts: [CartridgePart] = []
        if let introduction = module.introductionHTML {
            let page = InstructionPage(title: module.title, language: module.language, duration: nil, bodyHTML: introduction, link: nil)
            parts.append(CartridgePart(
                itemIdentifier: "item-\(slug)-inleiding", title: Label.introduction,
                resourceIdentifier: "resource-\(slug)-inleiding", type: .webContent,
                path: "webcontent/\(slug)/inleiding.html", contents: Data(page.xhtml.utf8)
            ))
        }
        let width = String(module.steps.count).count
        for (index, step) in module.steps.enumerated() {
            let number = index + 1
            let name = "stap-" + String(repeating: "0", count: max(2, width) - String(number).count) + String(number)
            let stepLabel = Label.step(number)
            parts.append(CartridgePart(
                itemIdentifier: "item-\(slug)-\(name)-link", title: "\(stepLabel): \(step.title)",
                resourceIdentifier: "resource-\(slug)-\(name)-link", type: .webLink,
                path: "weblinks/\(slug)-\(name)/weblink.xml",
                contents: Data(WebLinkXML(title: step.title, url: step.url, version: version).xml.utf8)
            ))
            let instructionTitle = "\(stepLabel): \(Label.instruction)" + (step.duration.map { " (\($0))" } ?? "")
            let page = InstructionPage(title: "\(stepLabel): \(step.title)", language: module.language, duration: step.duration,
                                       bodyHTML: step.instructionHTML, link: InstructionPage.Link(title: step.title, url: step.url))
            parts.append(CartridgePart(
                itemIdentifier: "item-\(slug)-\(name)-opdracht", title: instructionTitle,
                resourceIdentifier: "resource-\(slug)-\(name)-opdracht", type: .webContent,
                path: "webcontent/\(slug)/\(name).html", contents: Data(page.xhtml.utf8)
            ))
        }
        return parts
    }
}
