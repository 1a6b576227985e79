/// A version of the IMS Common Cartridge specification and the names it fixes: namespaces, schema locations,
/// resource types. A cartridge is written for one version; the two differ only in these names.
///
/// Taken from the specification's profile texts and schemas (the cc v1p1 and v1p3 CP, LOM and web link schemas);
/// CartridgeManifestTests checks the manifest against the same text.
package enum CommonCartridge: String, Sendable, CaseIterable {
    /// Common Cartridge 1.1: the newest version Moodle imports (its `imscc11` converter, which validates the manifest
    /// against the 1.1 schemas); Canvas imports it too. The default.
    case v1_1 = "1.1"
    /// Common Cartridge 1.3: imported by Canvas, not by Moodle.
    case v1_3 = "1.3"

    /// The version written when none is asked for: the one both Moodle and Canvas import.
    package static let standard = CommonCartridge.v1_1

    /// The version's part of every namespace and schema address, `v1p1` or `v1p3`.
    private var tag: String { "v1p" + rawValue.dropFirst(2) }

    /// `<schema>` of the manifest's metadata.
    var schema: String { "IMS Common Cartridge" }
    /// `<schemaversion>` of the manifest's metadata.
    var schemaVersion: String { rawValue + ".0" }
    /// The profiled Content Packaging namespace of `imsmanifest.xml`.
    var manifestNamespace: String { "http://www.imsglobal.org/xsd/imscc\(tag)/imscp_v1p1" }
    /// The LOM namespace of the manifest's own metadata (`lomimscc:`).
    var lomManifestNamespace: String { "http://ltsc.ieee.org/xsd/imscc\(tag)/LOM/manifest" }
    /// The LOM namespace of a resource's metadata (`lom:`).
    var lomResourceNamespace: String { "http://ltsc.ieee.org/xsd/imscc\(tag)/LOM/resource" }
    /// The web link namespace.
    var webLinkNamespace: String { "http://www.imsglobal.org/xsd/imscc\(tag)/imswl_\(tag)" }
    /// XML Schema instance, for `xsi:schemaLocation`.
    var schemaInstanceNamespace: String { "http://www.w3.org/2001/XMLSchema-instance" }
    /// Where the version's schemas are published.
    private var profile: String { "http://www.imsglobal.org/profile/cc/cc\(tag)/" }
    /// `xsi:schemaLocation` of the manifest: each namespace with its schema.
    var manifestSchemaLocation: String {
        [
            manifestNamespace, profile + "cc\(tag)_imscp_v1p2_v1p0.xsd",
            lomResourceNamespace, profile + "LOM/cc\(tag)_lomresource_v1p0.xsd",
            lomManifestNamespace, profile + "LOM/cc\(tag)_lommanifest_v1p0.xsd",
        ].joined(separator: " ")
    }
    /// `xsi:schemaLocation` of a web link.
    var webLinkSchemaLocation: String { webLinkNamespace + " " + profile + "cc\(tag)_imswl_\(tag).xsd" }
    /// The one value the profile allows for an organization's `structure`.
    var organizationStructure: String { "rooted-hierarchy" }

    /// The resource types this writer uses.
    enum ResourceType: Sendable, Equatable {
        /// A web link: an XML file with a title and a URL.
        case webLink
        /// Web content: files the platform serves as they are; the resource's `href` names the one to open.
        case webContent
    }

    /// A resource type's name in this version.
    func name(of type: ResourceType) -> String {
        switch type {
        case .webLink: "imswl_xml\(tag)"
        case .webContent: "webcontent"
        }
    }
}
