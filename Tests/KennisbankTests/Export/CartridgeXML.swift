import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document read back for the cartridge tests: elements by namespace and local name.
struct CartridgeXML {
    /// The document's root element.
    let root: XMLElement

    /// Parses `data`; fails the test's `try` when it is not well-formed XML.
    init(_ data: Data) throws {
        root = try XMLDocument(data: data, options: []).rootElement()!
    }

    /// The element's child elements.
    static func children(of element: XMLElement) -> [XMLElement] {
        (element.children ?? []).compactMap { $0 as? XMLElement }
    }

    /// The element's child elements with this local name in this namespace.
    static func children(of element: XMLElement, named name: String, in namespace: String) -> [XMLElement] {
        children(of: element).filter { $0.localName == name && $0.uri == namespace }
    }

    /// The value of an attribute without a prefix (swift-corelibs-foundation's `attribute(forName:)` finds none
    /// on an element in a default namespace, so the attributes are searched by name).
    static func attribute(_ name: String, of element: XMLElement) -> String? {
        (element.attributes ?? []).first { $0.name == name }?.stringValue
    }
}
