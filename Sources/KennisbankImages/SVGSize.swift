import KennisbankCore

/// The intrinsic size of an SVG from its root `<svg>` element: `width` and `height` in pixels (`240` or `240px`),
/// else the viewBox's width and height; one length with a viewBox gives the other by the viewBox's proportions.
/// Lengths in other units (`%`, `em`, `cm`) are passed over, as they give no pixel size without a page.
enum SVGSize {
    /// The SVG's info, `nil` when the bytes are not an SVG (they do not start with markup whose first element is
    /// `<svg>`), or an error when the SVG gives no size.
    static func read(_ bytes: ByteReader) throws(ImageInfoError) -> ImageInfo? {
        var start = bytes.matches([0xEF, 0xBB, 0xBF], at: 0) ? 3 : 0
        while let byte = bytes.byte(start), XMLMarkup.isSpace(byte) { start += 1 }
        guard bytes.byte(start) == UInt8(ascii: "<") else { return nil }
        var markup = XMLMarkup(bytes)
        while let token = markup.next() {
            switch token {
            case .startTag(_, let name, let attributes):
                guard markup.localName(name) == "svg" else { return nil }
                return try info(markup, attributes)
            case .unterminated:
                return nil
            case .doctype, .processingInstruction:
                continue
            }
        }
        return nil
    }

    /// The size the root element's attributes give.
    private static func info(_ markup: XMLMarkup, _ attributes: [XMLMarkup.Attribute]) throws(ImageInfoError) -> ImageInfo {
        var values: [String: String] = [:]
        for attribute in attributes {
            guard let value = attribute.value else { continue }
            values[markup.text(attribute.name)] = XMLMarkup.decodedValue(markup.text(value))
        }
        let width = values["width"].flatMap(pixels), height = values["height"].flatMap(pixels)
        let box = values["viewBox"].flatMap(viewBox)
        let size: (Double, Double)
        switch (width, height, box) {
        case let (width?, height?, _): size = (width, height)
        case let (width?, nil, box?): size = (width, width * box.height / box.width)
        case let (nil, height?, box?): size = (height * box.width / box.height, height)
        case let (_, _, box?): size = (box.width, box.height)
        default: throw .svgWithoutSize
        }
        return ImageInfo(format: .svg, width: max(1, Int(size.0.rounded())), height: max(1, Int(size.1.rounded())))
    }

    /// A length in pixels: a positive number, unitless or in `px`, with white space around it.
    static func pixels(_ text: String) -> Double? {
        var number = TextBytes.trimming(text[...]) { XMLMarkup.isSpace($0) }
        if number.hasSuffix("px") { number = number.dropLast(2) }
        guard let value = decimal(number), value > 0 else { return nil }
        return value
    }

    /// A viewBox's width and height: four numbers apart by white space or commas, the last two positive.
    static func viewBox(_ text: String) -> (width: Double, height: Double)? {
        let parts = text.unicodeScalars.split { $0 == "," || XMLMarkup.isSpace($0) }.map { Substring($0) }
        guard parts.count == 4, let width = decimal(parts[2]), let height = decimal(parts[3]), width > 0, height > 0,
              decimal(parts[0]) != nil, decimal(parts[1]) != nil else { return nil }
        return (width, height)
    }

    /// An SVG number (`12`, `-3.5`, `.5`, `1e2`), finite; `nil` for anything else (`Double` alone also takes `nan`).
    private static func decimal(_ text: Substring) -> Double? {
        guard let first = text.first, first.isNumber || first == "." || first == "-" || first == "+",
              let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
