import KennisbankCore

/// A Common Cartridge web link's XML file: a title and a URL, which is all a web link carries.
struct WebLinkXML: Sendable, Equatable {
    /// The link's title.
    var title: String
    /// The absolute URL it opens.
    var url: String
    /// The version of the specification whose namespace it uses.
    var version: CommonCartridge

    /// The file's text. The link opens in a new window: the published page is a whole page with its own navigation.
    var xml: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <webLink xmlns="\(version.webLinkNamespace)" xmlns:xsi="\(version.schemaInstanceNamespace)" \
        xsi:schemaLocation="\(version.webLinkSchemaLocation)">
          <title>\(HTML.escape(title))</title>
          <url href="\(HTML.escape(url))" target="_blank"/>
        </webLink>

        """
    }
}
