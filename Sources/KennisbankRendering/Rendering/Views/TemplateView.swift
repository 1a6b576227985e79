import Mustache
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// A typed value a Mustache template shows: a page view, or an entry of one of its lists.
///
/// A view lists its template names once, in ``fields``: each name with the property that holds its value.
/// From that one list come both what a template sees (``child(named:)``, which swift-mustache calls for
/// every `{{name}}`) and the view's digest, which tells the incremental build that a page is unchanged. A
/// property left out of the list is neither shown nor digested; `TemplateViewTests` holds every stored
/// property of every view to its list, so one cannot be forgotten.
///
/// A name whose value is `nil`, or that the view does not have, is not found: the template looks it up in the
/// enclosing context, as Mustache does for a key missing from a dictionary.
///
/// The same list gives a ``TemplatePlan`` each value typed (``templateValue(named:)``), so a compiled template
/// reads a view without swift-mustache's casts of `Any`.
protocol TemplateView: MustacheParent, Digestible, Sendable, TemplateValueConvertible {
    /// The names a template may use, in the order they are digested.
    static var fields: TemplateFields<Self> { get }

    /// The typed value of a template name, or `nil` when the view has none by that name: what ``child(named:)``
    /// gives swift-mustache, as a ``TemplateValue``.
    func templateValue(named name: String) -> TemplateValue?
}

/// One name a template may use, with how to read its value from a view.
struct TemplateField<View>: Sendable {
    /// The name in the template (`{{name}}`).
    let name: String
    /// The value, or `nil` when the view has none.
    let value: @Sendable (View) -> Any?
    /// The same value typed, for a compiled template.
    let typed: @Sendable (View) -> TemplateValue?
    /// Feeds the value into a digest.
    let digest: @Sendable (View, inout DigestBuilder) -> Void

    /// A field whose value is always there.
    init<Value: Digestible & Sendable & TemplateValueConvertible>(_ name: String, _ read: @escaping @Sendable (View) -> Value) {
        self.name = name
        self.value = { read($0) }
        self.typed = { read($0).templateValue }
        self.digest = { view, builder in read(view).digest(into: &builder) }
    }

    /// A field that may be missing (`nil`): then the template does not find it here.
    init<Value: Digestible & Sendable & TemplateValueConvertible>(_ name: String, _ read: @escaping @Sendable (View) -> Value?) {
        self.name = name
        self.value = { read($0).map { $0 as Any } }
        self.typed = { read($0)?.templateValue }
        self.digest = { view, builder in read(view).digest(into: &builder) }
    }
}

/// The fields of a view type, in order and by name: each view type keeps one, made once
/// (`static let fields = TemplateFields<Self>([…])`).
struct TemplateFields<View>: Sendable {
    /// The fields in the order they are digested.
    let ordered: [TemplateField<View>]
    /// The fields by template name.
    let byName: [String: TemplateField<View>]

    /// Indexes a view type's fields; a name listed twice is a programming error.
    init(_ fields: [TemplateField<View>]) {
        self.ordered = fields
        self.byName = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in
            preconditionFailure("\(View.self) lists the template name '\(first.name)' twice")
        })
    }
}

extension TemplateView {
    /// The value of a template name, or `nil` when the view has none by that name.
    func child(named name: String) -> Any? {
        Self.fields.byName[name]?.value(self)
    }

    /// The typed value of a template name, or `nil` when the view has none by that name.
    func templateValue(named name: String) -> TemplateValue? {
        Self.fields.byName[name]?.typed(self)
    }

    /// A view is a context a section enters.
    var templateValue: TemplateValue { .view(self) }

    /// Every field's name and value, in the order of ``fields``.
    func digest(into builder: inout DigestBuilder) {
        for field in Self.fields.ordered {
            builder.combine(field.name)
            field.digest(self, &builder)
        }
    }
}
