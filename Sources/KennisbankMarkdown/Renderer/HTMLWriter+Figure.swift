import KennisbankCore

extension HTMLWriter {
    /// The text a figure shows where its image is not there yet.
    static let unavailableFigure = "Deze figuur is niet beschikbaar in deze editie."

    /// Writes a figure: its image with its size (so the page keeps the image's place while it loads) and its
    /// smaller copies, or a note that it is not available, then its caption.
    ///
    /// ```html
    /// <figure id="figuur-1" class="figure">
    /// <img src="../../afbeeldingen/x.png" alt="…" width="1600" height="900" srcset="… 480w, … 1600w" sizes="…" loading="lazy" decoding="async" />
    /// <figcaption><p id="…">Figuur 1. …</p></figcaption>
    /// </figure>
    /// ```
    mutating func write(_ figure: Figure, caption: [BlockNode]) {
        cr()
        put("<figure")
        if let anchor = figure.anchor { put(" id=\"\(HTML.escape(anchor))\"") }
        put(figure.isPlaceholder ? " class=\"figure figure-unavailable\">\n" : " class=\"figure\">\n")
        if figure.isPlaceholder {
            put("<p class=\"figure-note\" role=\"note\">\(Self.unavailableFigure)</p>\n")
        } else {
            image(figure)
        }
        if !caption.isEmpty {
            put("<figcaption>")
            write(caption)
            cr()
            put("</figcaption>\n")
        }
        put("</figure>\n")
    }

    /// The `<img>` of a figure.
    private mutating func image(_ figure: Figure) {
        put("<img src=\"")
        if figure.file != nil {
            escape(options.linkResolver(SiteLink(path: figure.source)))
        } else {
            href(figure.source)
        }
        put("\" alt=\"")
        escape(figure.alt)
        attribute("title", figure.title)
        put("\"")
        if let file = figure.file {
            put(" width=\"\(file.width)\" height=\"\(file.height)\"")
            if options.webImages, !file.variants.isEmpty {
                put(" srcset=\"")
                for variant in file.variants {
                    escape(options.linkResolver(SiteLink(path: variant.path)))
                    put(" \(variant.width)w, ")
                }
                escape(options.linkResolver(SiteLink(path: figure.source)))
                put(" \(file.width)w\" sizes=\"\(Self.figureSizes)\"")
            }
        }
        if options.webImages {
            if figure.isLazy { put(" loading=\"lazy\"") }
            put(" decoding=\"async\"")
        }
        put(" />\n")
    }

    /// How wide a figure is shown: the text column's width (`--measure` of the site's style) on a wide screen, the
    /// screen's on a narrow one.
    static let figureSizes = "(min-width: 46rem) 42rem, 100vw"
}
