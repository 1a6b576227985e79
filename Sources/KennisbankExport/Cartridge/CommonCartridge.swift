/// The names the IMS Common Cartridge 1.3 specification fixes: namespaces, schema locations, resource types.
///
/// Taken from the specification's profile text and its schemas (imscc_Implementation-v1p3, the ccv1p3 CP, LOM and
/// web link schemas); CartridgeManifestTests checks the manifest against the same text.
enum CommonCartridge {
    /// `<schema>` of the manifest's metadata.
    static let schema = "IMS Common Cartridge"
    /// `<schemaversion>` of the manifest's metadata.
    static let schemaVersion = "1.3.0"
    /// The profiled Content Packaging namespace of `imsmanifest.xml`.
    static let manifestNamespace = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
    /// The LOM namespace of the manifest's own metadata (`lomimscc:`).
    static let lomManifestNamespace = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
    /// The LOM namespace of a resource's metadata (`lom:`).
    static let lomResourceNamespace = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource"
    /// The web link namespace.
    static let webLinkNamespace = "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"
    /// XML Schema instance, for `xsi:schemaLocation`.
    static let schemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"
    /// `xsi:schemaLocation` of the manifest: each namespace with its ccv1p3 schema.
    static let manifestSchemaLocation = [
        manifestNamespace, "http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd",
        lomResourceNamespace, "http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lomresource_v1p0.xsd",
        lomManifestNamespace, "http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd",
    ].joined(separator: " ")
    /// `xsi:schemaLocation` of a web link.
    static let webLinkSchemaLocation = webLinkNamespace + " http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imswl_v1p3.xsd"
    /// The one value the profile allows for an organization's `structure`.
    static let organizationStructure = "rooted-hierarchy"

    /// The resource types this writer uses.
    enum ResourceType: String, Sendable {
        /// A web link: an XML file with a title and a URL.
        case webLink = "imswl_xmlv1p3"
        /// Web content: files the platform serves as they are; the resource's `href` names the one to open.
        case webContent = "webcontent"
    }
}
