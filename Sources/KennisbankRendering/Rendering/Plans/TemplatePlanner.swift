import Mustache

/// Compiles a template swift-mustache has parsed into a ``TemplatePlan``.
///
/// swift-mustache keeps its parsed tokens internal, so the planner reads them through `Mirror`, once per template
/// at load time: each token is an enum case whose name and associated values are the token's kind and fields.
/// Anything it does not know as swift-mustache has it (a token of a newer version, a lambda's or a sequence's
/// transform) is ``TemplateNotPlannable``, and the library renders with swift-mustache instead.
enum TemplatePlanner {
    /// The plan of a parsed template.
    static func plan(_ template: MustacheTemplate) throws(TemplateNotPlannable) -> TemplatePlan {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any] else {
            throw TemplateNotPlannable(reason: "the template's tokens cannot be read")
        }
        var steps: [TemplateStep] = []
        steps.reserveCapacity(tokens.count)
        for token in tokens {
            steps.append(try step(token))
        }
        return TemplatePlan(steps: steps)
    }

    /// The step of one token.
    private static func step(_ token: Any) throws(TemplateNotPlannable) -> TemplateStep {
        guard let (kind, payload) = Mirror(reflecting: token).children.first.map({ ($0.label, $0.value) }), let kind else {
            throw TemplateNotPlannable(reason: "a token cannot be read")
        }
        let fields = Mirror(reflecting: payload).children.map(\.value)
        switch kind {
        case "text":
            return .text(try cast(payload, as: String.self))
        case "variable", "unescapedVariable":
            try count(fields, 2, kind)
            return .variable(try lookup(try cast(fields[0], as: String.self), transforms: try cast(fields[1], as: [String].self)),
                             escaped: kind == "variable")
        case "section", "invertedSection":
            try count(fields, 3, kind)
            let lookup = try lookup(try cast(fields[0], as: String.self), transforms: try cast(fields[1], as: [String].self))
            let plan = try plan(try cast(fields[2], as: MustacheTemplate.self))
            return kind == "section" ? .section(lookup, plan) : .invertedSection(lookup, plan)
        case "blockExpansion":
            try count(fields, 3, kind)
            return .block(name: try cast(fields[0], as: String.self), default: try plan(try cast(fields[1], as: MustacheTemplate.self)),
                          indentation: try cast(fields[2], as: String?.self))
        case "partial", "dynamicNamePartial":
            try count(fields, 3, kind)
            let name = try cast(fields[0], as: String.self)
            let indentation = try cast(fields[1], as: String?.self)
            var overrides: [String: TemplatePlan]?
            if let inherits = try cast(fields[2], as: [String: MustacheTemplate]?.self) {
                overrides = [:]
                for (block, template) in inherits {
                    overrides![block] = try plan(template)
                }
            }
            if kind == "partial" {
                return .partial(name: name, indentation: indentation, overrides: overrides)
            }
            return .dynamicPartial(try lookup(name, transforms: []), indentation: indentation, overrides: overrides)
        case "contentType":
            guard let contentType = payload as? any MustacheContentType else {
                throw TemplateNotPlannable(reason: "a content type cannot be read")
            }
            return .escaping(contentType is PageEscaping ? .page : .custom(contentType))
        default:
            throw TemplateNotPlannable(reason: "the token '\(kind)' is not known")
        }
    }

    /// How swift-mustache resolves a tag's name: `.` is the current context, a name starting with `.` is looked up
    /// in the current context only, any other in the enclosing ones too; `.` separates the names of a path.
    static func lookup(_ name: String, transforms: [String]) throws(TemplateNotPlannable) -> TemplateLookup {
        var planned: [TemplateTransform] = []
        for transform in transforms.reversed() {
            guard transform == "empty" else { throw TemplateNotPlannable(reason: "the transform '\(transform)' is not planned") }
            planned.append(.empty)
        }
        if name == "." {
            return TemplateLookup(path: [], searchesStack: false, transforms: planned)
        }
        // An empty name with a transform reads the position in a sequence (`{{first()}}`).
        if name.isEmpty, !transforms.isEmpty {
            throw TemplateNotPlannable(reason: "a sequence transform is not planned")
        }
        return TemplateLookup(path: name.split(separator: ".").map(String.init), searchesStack: name.first != ".", transforms: planned)
    }

    /// A field of a token as its type.
    private static func cast<T>(_ value: Any, as type: T.Type) throws(TemplateNotPlannable) -> T {
        guard let value = value as? T else { throw TemplateNotPlannable(reason: "a token field is not \(T.self)") }
        return value
    }

    /// Checks that a token has as many fields as the planner reads.
    private static func count(_ fields: [Any], _ expected: Int, _ kind: String) throws(TemplateNotPlannable) {
        guard fields.count == expected else { throw TemplateNotPlannable(reason: "the token '\(kind)' has \(fields.count) fields") }
    }
}
