/// A value a view gives a template name, typed: what a ``TemplatePlan`` renders without a dynamic cast.
///
/// Each case behaves as swift-mustache treats the Swift value it holds (see ``TemplatePlan``): a list is a
/// sequence, a flag a Boolean section, a fragment custom-rendered HTML, and everything else is pushed as the
/// context of a section.
enum TemplateValue {
    /// Text, escaped by `{{name}}`.
    case text(String)
    /// A whole number, shown in decimal.
    case number(Int)
    /// A yes or no: a section shows once or not at all, without entering a new context.
    case flag(Bool)
    /// HTML the engine made (``HTMLFragment``).
    case html(HTMLFragment)
    /// A view whose names a section can look up.
    case view(any TemplateView)
    /// A list of views: a section shows once per view.
    case list(any TemplateViewList)
}

/// A value a view field may hold: it says which ``TemplateValue`` it is.
protocol TemplateValueConvertible {
    /// The value as a template sees it.
    var templateValue: TemplateValue { get }
}

/// A list of views of one type, walked by a section without converting the list.
protocol TemplateViewList {
    /// Whether the list has no views (an inverted section shows, `empty(list)` is true).
    var isEmpty: Bool { get }
    /// Calls `body` with each view in order.
    func forEachView(_ body: (any TemplateView) -> Void)
}

extension String: TemplateValueConvertible {
    var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateValueConvertible {
    var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue { .flag(self) }
}

extension HTMLFragment: TemplateValueConvertible {
    var templateValue: TemplateValue { .html(self) }
}

extension Array: TemplateValueConvertible where Element: TemplateView {
    var templateValue: TemplateValue { .list(self) }
}

extension Array: TemplateViewList where Element: TemplateView {
    func forEachView(_ body: (any TemplateView) -> Void) {
        for view in self { body(view) }
    }
}
