import Foundation
import KennisbankCore

/// The digest of a page model: equal digests (with the same templates) render to the same bytes.
///
/// The walk is canonical: dictionary keys are sorted, every value is tagged with its type, and
/// strings and arrays carry their length. Engine HTML contributes its precomputed digest.
enum ModelDigest {
    /// The digest of a model for a template, given the digest of all template sources.
    static func of(_ model: [String: Any], template: PageTemplate, templates: Digest) -> Digest {
        var builder = DigestBuilder()
        builder.combine(templates)
        builder.combine(template.rawValue)
        add(model, to: &builder)
        return builder.finalize()
    }

    private static func add(_ value: Any, to builder: inout DigestBuilder) {
        switch value {
        case let string as String:
            builder.combine(1)
            builder.combine(string)
        case let bool as Bool:
            builder.combine(2)
            builder.combine(bool ? 1 : 0)
        case let number as Int:
            builder.combine(3)
            builder.combine(number)
        case let fragment as HTMLFragment:
            builder.combine(4)
            builder.combine(fragment.digest)
        case let dictionary as [String: Any]:
            builder.combine(5)
            builder.combine(dictionary.count)
            for key in dictionary.keys.sorted() {
                builder.combine(key)
                add(dictionary[key]!, to: &builder)
            }
        case let array as [Any]:
            builder.combine(6)
            builder.combine(array.count)
            for element in array { add(element, to: &builder) }
        default:
            preconditionFailure("page models hold strings, numbers, booleans, HTML, arrays and dictionaries, not \(type(of: value))")
        }
    }
}
