import KennisbankCore

/// A small XHTML page of web content in a cartridge: a step's instruction (or the module's introduction), with
/// its duration and a link to the published page, since a web link cannot carry the instruction itself.
struct InstructionPage: Sendable, Equatable {
    /// The page's title and heading.
    var title: String
    /// The language of the page, for `lang` and `xml:lang`.
    var language: String
    /// The step's duration, shown under the heading; `nil` for none.
    var duration: String?
    /// The page's body: an XHTML fragment.
    var bodyHTML: String
    /// The published page to go on to; `nil` for none.
    var link: Link?

    /// A link to a published page: its title and absolute address.
    struct Link: Sendable, Equatable {
        /// The page's title, the link's text.
        var title: String
        /// The page's absolute address.
        var url: String
    }

    /// The page as XHTML (a well-formed XML document, as web content in a cartridge should be).
    var xhtml: String {
        var body = "<h1>\(HTML.escape(title))</h1>\n"
        if let duration { body += "<p>Duur: \(HTML.escape(duration))</p>\n" }
        body += bodyHTML.hasSuffix("\n") ? bodyHTML : bodyHTML + "\n"
        if let link {
            body += "<p>Lees verder: <a href=\"\(HTML.escape(link.url))\" target=\"_blank\">\(HTML.escape(link.title))</a></p>\n"
        }
        let language = HTML.escape(language)
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language)" xml:lang="\(language)">
        <head>
        <meta charset="UTF-8"/>
        <title>\(HTML.escape(title))</title>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
