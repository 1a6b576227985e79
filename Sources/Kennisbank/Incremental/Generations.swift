/// Numbers the distinct values a site-wide input takes, build after build.
struct Generations<Value: Equatable> {
    private var current: Value?
    private var number = 0

    /// The number of `value`: unchanged while the value is, a new one when it differs from the last.
    mutating func generation(of value: Value) -> Int {
        if current != value {
            current = value
            number += 1
        }
        return number
    }
}
