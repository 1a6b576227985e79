import Foundation

/// HTML escaping for text the engine writes itself (attribute values, template fallbacks).
package enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` so the text is safe in element content and quoted attributes.
    ///
    /// Works on the UTF-8 bytes (these five are never part of a longer character's bytes), and returns
    /// the text itself when it has none of them, as most text has not.
    package static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard TextBytes.contains(in: text, where: needsEscaping) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            case UInt8(ascii: "'"): bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// JSON bytes as text to put inside a `<script>` element: `</` written `<\/`, so no `</script>` in a
    /// value can end the element early (JSON reads both the same).
    package static func scriptJSON(_ json: Data) -> String {
        TextBytes.replacing("</", with: "<\\/", in: String(decoding: json, as: UTF8.self))
    }
}
