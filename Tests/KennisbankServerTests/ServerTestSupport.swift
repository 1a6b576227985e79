import Foundation

/// Polls until `condition` gives a value, or fails after `seconds`: how the server tests wait, on a condition with a
/// deadline and never a fixed time.
func eventually<T>(_ what: String, seconds: Double, _ condition: () -> T?) async throws -> T {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if let value = condition() { return value }
        try await Task.sleep(for: .milliseconds(20))
    }
    throw Timeout(what: what, seconds: seconds)
}

/// A condition that did not hold within its deadline.
struct Timeout: Error, CustomStringConvertible {
    var what: String, seconds: Double
    var description: String { "timed out after \(seconds) s waiting for \(what)" }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func set(_ value: Value) { lock.withLock { stored = value } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

/// Parses a `text/event-stream` as it arrives.
final class EventCollector: @unchecked Sendable {
    struct Event: Equatable { var name: String, data: String }
    private let lock = NSLock()
    private var buffer = ""
    private var events: [Event] = []

    func feed(_ text: String) {
        lock.withLock {
            buffer += text
            while let end = buffer.range(of: "\n\n") {
                let block = buffer[..<end.lowerBound]
                buffer.removeSubrange(..<end.upperBound)
                var name = "message", data: [String] = []
                for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
                }
                if !data.isEmpty { events.append(Event(name: name, data: data.joined(separator: "\n"))) }
            }
        }
    }

    var all: [Event] { lock.withLock { events } }

    func first(where matches: (Event) -> Bool) -> Event? { all.first(where: matches) }
}
