import Foundation

/// A JSON value, written byte for byte as Foundation's `JSONEncoder` writes it with `.sortedKeys` and
/// `.withoutEscapingSlashes` (and `.prettyPrinted` when asked), without its reflection over `Encodable`.
///
/// The data files of a large site (search shards, `concepts.json`, the preview data and JSON-LD of every
/// page) are tens of megabytes of JSON; `JSONEncoder` spent most of their time boxing and unboxing
/// values. `JSONValueTests` hold this writer to `JSONEncoder` on random values.
///
/// ```swift
/// let json = JSONValue.object(["t": .string("Niet-weten"), "o": .int(3)]).data()   // {"o":3,"t":"Niet-weten"}
/// ```
package enum JSONValue: Sendable, Equatable {
    /// A string, escaped as `JSONEncoder` escapes it: `"` and `\`, and control characters (`\b`, `\f`,
    /// `\n`, `\r`, `\t`, otherwise `\u00xx`); `/` and everything else as it is.
    case string(String)
    /// An integer.
    case int(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// An array.
    case array([JSONValue])
    /// An object; its members are written sorted by the UTF-8 bytes of their keys, as `.sortedKeys` does.
    /// An absent optional member is left out of the dictionary, as `Encodable`'s synthesized code does.
    case object([String: JSONValue])

    /// An optional string: `nil` stays `nil`, for members that are left out when absent.
    package static func string(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    /// The value's bytes: compact, or pretty-printed (two spaces a level, `"key" : value`) starting at
    /// nesting `level`, with no indent before the first line.
    package func data(pretty: Bool = false, level: Int = 0) -> Data {
        var bytes: [UInt8] = []
        write(to: &bytes, pretty: pretty, level: level)
        return Data(bytes)
    }

    /// Appends the value's bytes to `bytes` (see ``data(pretty:level:)``).
    package func write(to bytes: inout [UInt8], pretty: Bool, level: Int) {
        switch self {
        case .string(let text):
            Self.write(string: text, to: &bytes)
        case .int(let number):
            bytes += String(number).utf8
        case .bool(let value):
            bytes += (value ? "true" : "false").utf8
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                Self.separate(first: index == 0, pretty: pretty, level: level + 1, in: &bytes)
                element.write(to: &bytes, pretty: pretty, level: level + 1)
            }
            Self.close(UInt8(ascii: "]"), empty: elements.isEmpty, pretty: pretty, level: level, in: &bytes)
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                Self.separate(first: index == 0, pretty: pretty, level: level + 1, in: &bytes)
                Self.write(string: key, to: &bytes)
                bytes += pretty ? Array(" : ".utf8) : [UInt8(ascii: ":")]
                members[key]!.write(to: &bytes, pretty: pretty, level: level + 1)
            }
            Self.close(UInt8(ascii: "}"), empty: members.isEmpty, pretty: pretty, level: level, in: &bytes)
        }
    }

    /// Before a member or element: a comma after the first, and when pretty a line break and the indent.
    private static func separate(first: Bool, pretty: Bool, level: Int, in bytes: inout [UInt8]) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        indent(level, in: &bytes)
    }

    /// The closing bracket; when pretty on a line of its own (an empty container gets an empty line, as `JSONEncoder` writes it).
    private static func close(_ bracket: UInt8, empty: Bool, pretty: Bool, level: Int, in bytes: inout [UInt8]) {
        if pretty {
            if empty { bytes.append(UInt8(ascii: "\n")) }
            bytes.append(UInt8(ascii: "\n"))
            indent(level, in: &bytes)
        }
        bytes.append(bracket)
    }

    private static func indent(_ level: Int, in bytes: inout [UInt8]) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// A quoted, escaped string. Runs of bytes that need no escape are copied whole.
    static func write(string text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
                case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
                case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
