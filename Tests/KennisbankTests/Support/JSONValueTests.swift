import Foundation
import PropertyBased
import Testing
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// ``JSONValue`` writes the bytes `JSONEncoder` writes (sorted keys, slashes unescaped), compact and
/// pretty-printed, for random values: the data files of the site were made by `JSONEncoder` before, and
/// `BuildTests` still hold `concepts.json` to it.
@Suite struct JSONValueTests {
    /// Encodes a ``JSONValue`` through `JSONEncoder`'s own containers: the oracle.
    struct Oracle: Encodable {
        let value: JSONValue

        struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            switch value {
            case .string(let text):
                var container = encoder.singleValueContainer()
                try container.encode(text)
            case .int(let number):
                var container = encoder.singleValueContainer()
                try container.encode(number)
            case .bool(let value):
                var container = encoder.singleValueContainer()
                try container.encode(value)
            case .array(let elements):
                var container = encoder.unkeyedContainer()
                for element in elements { try container.encode(Oracle(value: element)) }
            case .object(let members):
                var container = encoder.container(keyedBy: Key.self)
                for (key, member) in members { try container.encode(Oracle(value: member), forKey: Key(stringValue: key)) }
            }
        }
    }

    /// Pieces of strings: what JSON escapes, what it must not, letters of several byte lengths.
    static let pieces = ["\"", "\\", "/", "</", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}", "\u{2028}",
                         "é", "’", "😀", "a", "Niet-weten", " ", "", "@type", "B", "_", "a10", "a9", "{", "[", ":", ","]

    /// Builds a value from a tape of random numbers: the first number picks the kind, the next ones the contents.
    static func value(from tape: inout ArraySlice<Int>, depth: Int = 0) -> JSONValue {
        guard let pick = tape.popFirst() else { return .string("") }
        let count = tape.isEmpty ? 0 : tape.removeFirst() % 4
        switch depth < 3 ? pick % 4 : pick % 2 {
        case 0: return .string((0..<count + 1).map { _ in pieces[(tape.popFirst() ?? 0) % pieces.count] }.joined())
        case 1: return pick % 5 == 0 ? .bool(pick % 2 == 0) : .int(pick * (pick % 3 == 0 ? -1 : 1))
        case 2: return .array((0..<count).map { _ in value(from: &tape, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<count {
                let key = pieces[(tape.popFirst() ?? 0) % pieces.count]
                members[key] = value(from: &tape, depth: depth + 1)
            }
            return .object(members)
        }
    }

    @Test func compactAndPrettyBytesAreThoseOfJSONEncoder() async throws {
        let compact = JSONEncoder(), pretty = JSONEncoder()
        compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        pretty.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        await propertyCheck(count: 500, input: Gen.int(in: 0...10_000).array(of: 1...60)) { numbers in
            var tape = ArraySlice(numbers)
            let value = Self.value(from: &tape)
            let oracle = Oracle(value: value)
            #expect(value.data() == (try? compact.encode(oracle)), "\(value)")
            #expect(value.data(pretty: true) == (try? pretty.encode(oracle)), "\(value)")
        }
    }

    @Test func emptyContainersAndNestingLevels() {
        #expect(String(decoding: JSONValue.array([]).data(pretty: true, level: 1), as: UTF8.self) == "[\n\n  ]")
        #expect(String(decoding: JSONValue.object([:]).data(), as: UTF8.self) == "{}")
        let nested = JSONValue.object(["b": .array([.int(1)]), "a": .string("x\"/")])
        #expect(String(decoding: nested.data(pretty: true, level: 1), as: UTF8.self)
                == "{\n    \"a\" : \"x\\\"/\",\n    \"b\" : [\n      1\n    ]\n  }")
    }
}
