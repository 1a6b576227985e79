import Foundation
import KennisbankCore

/// A reason not to copy an SVG into a site: something in it that runs script when a reader opens the file, or
/// that could smuggle such a thing past this check.
package struct SVGProblem: Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem.
    package enum Kind: Hashable, Sendable {
        /// A `<script>` element (any prefix, any case).
        case script
        /// A `<foreignObject>` element, which can hold HTML (and so script).
        case foreignObject
        /// A `<handler>` element (SVG Tiny's event handler).
        case handler
        /// An event attribute (`onload`, `onclick`, …), with its name as written.
        case eventAttribute(String)
        /// An attribute whose value is a `javascript:` or `vbscript:` URL once its character references are decoded
        /// (`href`, `xlink:href`, or an animation's `to`/`values` that sets one), with the attribute's name.
        case scriptURL(String)
        /// An `<!ENTITY` declaration: entities can expand into markup this check does not see.
        case entityDeclaration
        /// An `<?xml-stylesheet?>` instruction: an XSLT style sheet can add script.
        case styleSheetInstruction
        /// Markup the file ends inside, so the file is not well-formed and its end cannot be checked.
        case unterminatedMarkup
    }

    /// What kind of problem.
    package var kind: Kind
    /// Where it is in the file: the `<` of the element or declaration, or the first character of the attribute.
    package var position: SourcePosition

    /// Creates a problem.
    package init(kind: Kind, position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// A sentence for the author.
    package var description: String {
        switch kind {
        case .script: "The SVG contains a <script> element."
        case .foreignObject: "The SVG contains a <foreignObject> element, which can hold HTML and script."
        case .handler: "The SVG contains a <handler> element, which runs script."
        case .eventAttribute(let name): "The SVG has an event attribute '\(name)', which runs script."
        case .scriptURL(let name): "The SVG's attribute '\(name)' is a script URL (javascript:)."
        case .entityDeclaration: "The SVG declares an entity, which can expand into markup that is not checked."
        case .styleSheetInstruction: "The SVG loads a style sheet with <?xml-stylesheet?>, which can add script."
        case .unterminatedMarkup: "The SVG ends inside a tag, comment or declaration."
        }
    }
}

/// Whether an SVG may be copied into a site: ``problems(in:)`` lists everything in it that runs script when a
/// reader opens the file by its address (an `<img>` never runs an SVG's script, but the file itself is on the
/// site's origin), each at its line and column.
///
/// Names are matched without regard to case or namespace prefix (`<SVG:Script>` counts), and attribute values
/// after their character references are decoded and white space and control characters are dropped, as a browser
/// reads a URL (`java&#x09;script:` counts). Comments and CDATA sections are text and are not reported.
package enum SVGSafety {
    /// The elements that must not be in a copied SVG, by lowercased local name.
    static let forbiddenElements: [(name: StaticString, kind: SVGProblem.Kind)] = [
        ("script", .script), ("foreignobject", .foreignObject), ("handler", .handler),
    ]

    /// The URL schemes that run script, lowercased with their colon.
    static let scriptSchemes = ["javascript:", "vbscript:"]

    /// Every problem of the SVG `data`, in file order; empty when it may be copied.
    package static func problems(in data: Data) -> [SVGProblem] {
        data.withUnsafeBytes { raw in
            let bytes = ByteReader(raw)
            var markup = XMLMarkup(bytes)
            var found: [(offset: Int, kind: SVGProblem.Kind)] = []
            while let token = markup.next() {
                switch token {
                case .startTag(let start, let name, let attributes):
                    // Names and values are compared as bytes: strings are made only for what is reported, and a
                    // value is decoded only when it has a colon or a reference (a scheme needs a colon).
                    let local = markup.localRange(name)
                    if let element = forbiddenElements.first(where: { markup.hasPrefix(local, ignoringCase: $0.name, whole: true) }) {
                        found.append((start, element.kind))
                    }
                    for attribute in attributes {
                        let attributeLocal = markup.localRange(attribute.name)
                        if attributeLocal.count > 2, markup.hasPrefix(attributeLocal, ignoringCase: "on") {
                            found.append((attribute.name.lowerBound, .eventAttribute(markup.text(attribute.name))))
                        } else if let value = attribute.value,
                                  markup.contains(UInt8(ascii: ":"), in: value) || markup.contains(UInt8(ascii: "&"), in: value),
                                  isScriptURL(markup.text(value)) {
                            found.append((attribute.name.lowerBound, .scriptURL(markup.text(attribute.name))))
                        }
                    }
                case .doctype(_, let entities):
                    found += entities.map { ($0, .entityDeclaration) }
                case .processingInstruction(let start, let target):
                    if markup.hasPrefix(target, ignoringCase: "xml-stylesheet", whole: true) { found.append((start, .styleSheetInstruction)) }
                case .unterminated(let start):
                    found.append((start, .unterminatedMarkup))
                }
            }
            let positions = BytePositions(bytes)
            return found.map { SVGProblem(kind: $0.kind, position: positions.position(of: $0.offset)) }
        }
    }

    /// Whether an attribute value, as written, is a URL with a script scheme: decoded, without white space and
    /// control characters (which browsers drop from a scheme), in any case. A value of a list (`values="a;b"`)
    /// counts when any item is.
    static func isScriptURL(_ raw: String) -> Bool {
        let decoded = XMLMarkup.decodedValue(raw)
        var compact = String.UnicodeScalarView()
        compact.append(contentsOf: decoded.unicodeScalars.lazy.filter { $0.value > 0x20 && $0.value != 0x7F })
        let lowered = String(compact).lowercased()
        return lowered.split(separator: ";").contains { item in scriptSchemes.contains { item.hasPrefix($0) } }
    }
}
