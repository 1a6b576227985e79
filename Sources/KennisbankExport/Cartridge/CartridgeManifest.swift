import KennisbankCore

/// A cartridge's `imsmanifest.xml`: the metadata, one organization whose root item holds the module's item,
/// which holds the parts' items in order, and the parts' resources.
///
/// The profile fixes an organization's `structure` to `rooted-hierarchy` and allows a single root item without
/// a title; the module is the item in it, so a platform imports the cartridge as one module.
struct CartridgeManifest: Sendable, Equatable {
    /// The module.
    var module: CartridgeModule
    /// Its parts, as ``CartridgePart/parts(of:version:)`` makes them.
    var parts: [CartridgePart]
    /// The version of the specification whose names it uses.
    var version: CommonCartridge

    /// The manifest's text.
    var xml: String {
        let slug = module.identifier
        let language = HTML.escape(module.language)
        var lines: [String] = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<manifest identifier="kennisbank-\#(slug)" xmlns="\#(version.manifestNamespace)""#
                + #" xmlns:lomimscc="\#(version.lomManifestNamespace)" xmlns:lom="\#(version.lomResourceNamespace)""#
                + #" xmlns:xsi="\#(version.schemaInstanceNamespace)" xsi:schemaLocation="\#(version.manifestSchemaLocation)">"#,
            "  <metadata>",
            "    <schema>\(version.schema)</schema>",
            "    <schemaversion>\(version.schemaVersion)</schemaversion>",
            "    <lomimscc:lom>",
            "      <lomimscc:general>",
            "        <lomimscc:title>",
            #"          <lomimscc:string language="\#(language)">\#(HTML.escape(module.title))</lomimscc:string>"#,
            "        </lomimscc:title>",
            "        <lomimscc:language>\(language)</lomimscc:language>",
        ]
        if let summary = module.summary {
            lines += [
                "        <lomimscc:description>",
                #"          <lomimscc:string language="\#(language)">\#(HTML.escape(summary))</lomimscc:string>"#,
                "        </lomimscc:description>",
            ]
        }
        lines += [
            "      </lomimscc:general>",
            "    </lomimscc:lom>",
            "  </metadata>",
            "  <organizations>",
            #"    <organization identifier="organization-\#(slug)" structure="\#(version.organizationStructure)">"#,
            #"      <item identifier="root-\#(slug)">"#,
            #"        <item identifier="module-\#(slug)">"#,
            "          <title>\(HTML.escape(module.title))</title>",
        ]
        for part in parts {
            lines.append(#"          <item identifier="\#(part.itemIdentifier)" identifierref="\#(part.resourceIdentifier)">"#)
            lines.append("            <title>\(HTML.escape(part.title))</title>")
            lines.append("          </item>")
        }
        lines += [
            "        </item>",
            "      </item>",
            "    </organization>",
            "  </organizations>",
            "  <resources>",
        ]
        for part in parts {
            let path = HTML.escape(part.path)
            let href = part.type == .webContent ? #" href="\#(path)""# : ""
            lines.append(#"    <resource identifier="\#(part.resourceIdentifier)" type="\#(version.name(of: part.type))"\#(href)>"#)
            lines.append(#"      <file href="\#(path)"/>"#)
            lines.append("    </resource>")
        }
        lines += ["  </resources>", "</manifest>", ""]
        return lines.joined(separator: "\n")
    }
}
