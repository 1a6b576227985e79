/// A struct's fields kept in one shared object and copied only when a shared value is changed, the way
/// the standard library's arrays keep their elements.
///
/// The build copies its large values (content items, prepared and linked pages) into pages, memo inputs
/// and page models many times per page; with their fields in one object a copy costs one reference count
/// instead of one per field, and two copies of one value compare equal by identity (``isIdentical(to:)``)
/// before any field is compared.
package struct CopyOnWrite<Fields: Sendable>: @unchecked Sendable {
    private final class Box {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// Keeps `fields`.
    package init(_ fields: Fields) {
        box = Box(fields)
    }

    /// The fields; changing them first copies them if another value shares them. Reading one field borrows
    /// the fields in place (`_read`) instead of copying all of them out, which would retain every one.
    package var fields: Fields {
        _read { yield box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    /// Whether both values share one copy of their fields (then they are equal).
    package func isIdentical(to other: CopyOnWrite) -> Bool {
        box === other.box
    }
}

extension CopyOnWrite: Equatable where Fields: Equatable {
    package static func == (lhs: CopyOnWrite, rhs: CopyOnWrite) -> Bool {
        lhs.isIdentical(to: rhs) || lhs.fields == rhs.fields
    }
}

extension CopyOnWrite: Hashable where Fields: Hashable {
    package func hash(into hasher: inout Hasher) {
        hasher.combine(fields)
    }
}
