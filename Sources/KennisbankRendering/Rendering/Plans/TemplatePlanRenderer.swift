import Mustache
import KennisbankCore

/// Renders ``TemplatePlan``s against typed views, doing for each step what swift-mustache's renderer does for its
/// token with the same Swift value, so the output is the same byte for byte:
///
/// - A name is looked up in the context stack from the top; a view answers by its fields, a fragment by its
///   one stored property, `html` (swift-mustache reads a value that is not a `MustacheParent` by `Mirror`), any
///   other value by nothing.
/// - `{{name}}` escapes with the template's content type; a value is shown as `String(describing:)` shows it.
/// - A section repeats for each view of a list, shows once for `true` or pushes any other value; an inverted
///   section shows for `false`, an empty list or no value.
/// - A partial starts with swift-mustache's own HTML escaping, adds its indentation to the current one and keeps
///   the outer template's replacement of a block over its own.
/// - With an indentation, each step's output that starts a line gets it, as swift-mustache adds it.
struct TemplatePlanRenderer {
    /// The plans of the library, by template name.
    let plans: [String: TemplatePlan]

    /// What a template renders with besides its context stack: swift-mustache's `MustacheContext`.
    struct Frame {
        /// The indentation of a standalone partial or block, added after each line break.
        var indentation: String?
        /// The blocks replaced by the templates that include this one.
        var overrides: [String: TemplatePlan]?
        /// How `{{name}}` escapes.
        var escaping: TemplateEscaping
    }

    /// A page: the template named `name` rendered with `view` as its context.
    func render(_ name: String, _ view: any TemplateView) -> String? {
        guard let plan = plans[name] else { return nil }
        var stack: [TemplateValue] = [.view(view)]
        var output = ""
        render(plan, stack: &stack, frame: Frame(indentation: nil, overrides: nil, escaping: .characters), into: &output)
        return output
    }

    /// Appends a plan's output to `output`.
    private func render(_ plan: TemplatePlan, stack: inout [TemplateValue], frame: Frame, into output: inout String) {
        var frame = frame
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for step in plan.steps {
                render(step, stack: &stack, frame: &frame, into: &output)
            }
            return
        }
        var text = ""
        for step in plan.steps {
            var piece = ""
            render(step, stack: &stack, frame: &frame, into: &piece)
            if !piece.isEmpty, text.last == "\n" {
                text += indentation
            }
            text += piece
        }
        output += text
    }

    /// Appends one step's output to `output`; an escaping step changes the frame for the steps after it.
    private func render(_ step: TemplateStep, stack: inout [TemplateValue], frame: inout Frame, into output: inout String) {
        switch step {
        case .text(let text):
            output += text
        case .variable(let lookup, let escaped):
            guard let value = value(lookup, in: stack) else { return }
            if escaped {
                output += escape(text(of: value), frame.escaping)
            } else {
                output += text(of: value)
            }
        case .section(let lookup, let plan):
            switch value(lookup, in: stack) {
            case .list(let list)?:
                list.forEachView { view in
                    stack.append(.view(view))
                    render(plan, stack: &stack, frame: frame, into: &output)
                    stack.removeLast()
                }
            case .flag(let flag)?:
                if flag { render(plan, stack: &stack, frame: frame, into: &output) }
            case let value?:
                stack.append(value)
                render(plan, stack: &stack, frame: frame, into: &output)
                stack.removeLast()
            case nil:
                break
            }
        case .invertedSection(let lookup, let plan):
            switch value(lookup, in: stack) {
            case .list(let list)?:
                guard list.isEmpty else { return }
                stack.append(.list(list))
                render(plan, stack: &stack, frame: frame, into: &output)
                stack.removeLast()
            case .flag(let flag)?:
                if !flag { render(plan, stack: &stack, frame: frame, into: &output) }
            case .some:
                break
            case nil:
                render(plan, stack: &stack, frame: frame, into: &output)
            }
        case .block(let name, let fallback, let indentation):
            let inner = Frame(indentation: Self.indentation(frame.indentation, indentation), overrides: frame.overrides, escaping: frame.escaping)
            render(frame.overrides?[name] ?? fallback, stack: &stack, frame: inner, into: &output)
        case .partial(let name, let indentation, let overrides):
            guard let plan = plans[name] else { return }
            render(plan, stack: &stack, frame: partialFrame(frame, indentation, overrides), into: &output)
        case .dynamicPartial(let lookup, let indentation, let overrides):
            guard case .text(let name)? = value(lookup, in: stack), let plan = plans[name] else { return }
            render(plan, stack: &stack, frame: partialFrame(frame, indentation, overrides), into: &output)
        case .escaping(let escaping):
            frame.escaping = escaping
        }
    }

    /// The frame a partial renders in: the indentation added, the outer replacements kept over its own, and
    /// swift-mustache's default escaping.
    private func partialFrame(_ frame: Frame, _ indentation: String?, _ overrides: [String: TemplatePlan]?) -> Frame {
        var merged = frame.overrides
        if let overrides {
            merged = frame.overrides?.merging(overrides) { outer, _ in outer } ?? overrides
        }
        return Frame(indentation: Self.indentation(frame.indentation, indentation), overrides: merged, escaping: .characters)
    }

    /// An indentation with another added, if any.
    private static func indentation(_ outer: String?, _ added: String?) -> String? {
        guard let added else { return outer }
        return (outer ?? "") + added
    }

    /// The value of a name in the context stack, with its transforms applied.
    private func value(_ lookup: TemplateLookup, in stack: [TemplateValue]) -> TemplateValue? {
        var found: TemplateValue?
        if let first = lookup.path.first {
            if lookup.searchesStack {
                for context in stack.reversed() {
                    if let child = Self.child(of: context, named: first) {
                        found = child
                        break
                    }
                }
            } else {
                found = Self.child(of: stack[stack.count - 1], named: first)
            }
            var index = 1
            while index < lookup.path.count, let parent = found {
                found = Self.child(of: parent, named: lookup.path[index])
                index += 1
            }
        } else {
            found = stack[stack.count - 1]
        }
        for transform in lookup.transforms {
            guard let value = found else { return nil }
            switch transform {
            case .empty:
                switch value {
                case .text(let text): found = .flag(text.isEmpty)
                case .list(let list): found = .flag(list.isEmpty)
                default: return nil
                }
            }
        }
        return found
    }

    /// A value's child by name.
    private static func child(of value: TemplateValue, named name: String) -> TemplateValue? {
        switch value {
        case .view(let view): view.templateValue(named: name)
        case .html(let fragment): name == "html" ? .text(fragment.html) : nil
        default: nil
        }
    }

    /// A value as text, as swift-mustache shows it.
    private func text(of value: TemplateValue) -> String {
        switch value {
        case .text(let text): text
        case .html(let fragment): fragment.html
        case .number(let number): String(number)
        case .flag(let flag): flag ? "true" : "false"
        case .view(let view): String(describing: view)
        case .list(let list): String(describing: list)
        }
    }

    /// Text escaped as `{{name}}` escapes it.
    private func escape(_ text: String, _ escaping: TemplateEscaping) -> String {
        switch escaping {
        case .page: HTML.escape(text)
        case .characters: Self.escapeCharacters(text)
        case .custom(let contentType): contentType.escapeText(text)
        }
    }

    /// swift-mustache's default HTML escaping: the five characters, compared as characters (so a `<` that a
    /// combining mark follows stays as it is).
    static func escapeCharacters(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
