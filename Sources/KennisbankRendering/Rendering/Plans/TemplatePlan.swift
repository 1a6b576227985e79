import Mustache

/// A Mustache template compiled once into the steps that render it against typed views (``TemplateValue``).
///
/// swift-mustache parses the template, so its syntax, its errors with line and column and its rules for standalone
/// lines stay the library's own; ``TemplatePlanner`` then turns the parsed tokens into steps. Rendering a step does
/// what swift-mustache does with the same token and the same Swift value (see ``TemplatePlanRenderer``), without
/// its lookups through `Any`: the output is the same, byte for byte.
struct TemplatePlan: Sendable {
    /// The steps in template order.
    let steps: [TemplateStep]
}

/// One step of a ``TemplatePlan``: one swift-mustache token.
enum TemplateStep: Sendable {
    /// Text written as it is.
    case text(String)
    /// `{{name}}` (`escaped`) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateLookup, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateLookup, TemplatePlan)
    /// `{{^name}}…{{/name}}`.
    case invertedSection(TemplateLookup, TemplatePlan)
    /// `{{$name}}…{{/name}}` outside a parent: the block a child template may replace, else its default.
    case block(name: String, default: TemplatePlan, indentation: String?)
    /// `{{>name}}` or `{{<name}}…{{/name}}`: another template, with the blocks this one replaces in it.
    case partial(name: String, indentation: String?, overrides: [String: TemplatePlan]?)
    /// `{{>*name}}`: the template named by a value.
    case dynamicPartial(TemplateLookup, indentation: String?, overrides: [String: TemplatePlan]?)
    /// `{{% CONTENT_TYPE: … }}`: the escaping of the rest of the template.
    case escaping(TemplateEscaping)
}

/// A name as a tag writes it (`title`, `link.url`, `.`, `empty(list)`), resolved the way swift-mustache
/// resolves it.
struct TemplateLookup: Sendable {
    /// The names of the path (`link.url` → `link`, `url`); empty for the current context (`.`).
    let path: [String]
    /// Whether the first name is looked up in the enclosing contexts too (`name`), or only in the current one
    /// (`.name`).
    let searchesStack: Bool
    /// The transforms, innermost first (`a(b(x))` → `b`, `a`).
    let transforms: [TemplateTransform]
}

/// A transform a plan applies to a value (`{{^empty(list)}}`).
enum TemplateTransform: Sendable {
    /// `empty`: whether a text or a list is empty; no value for anything else.
    case empty
}

/// How `{{name}}` escapes a value.
enum TemplateEscaping: Sendable {
    /// The engine's escaping (``PageEscaping``): ``HTML/escape(_:)``.
    case page
    /// swift-mustache's default HTML escaping, by character, which a partial starts with.
    case characters
    /// Another content type a template selects.
    case custom(any MustacheContentType)
}

/// A template a plan cannot render as swift-mustache would: the library then renders every page with
/// swift-mustache itself.
struct TemplateNotPlannable: Error {
    /// What the planner met.
    let reason: String
}
