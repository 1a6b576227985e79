import Foundation

/// Collects diagnostics from the build's steps, which may run in parallel.
package final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Diagnostic] = []

    /// Creates an empty log.
    package init() {}

    /// Adds a diagnostic.
    package func report(_ diagnostic: Diagnostic) {
        lock.lock()
        collected.append(diagnostic)
        lock.unlock()
    }

    /// Adds several diagnostics.
    package func report(contentsOf diagnostics: [Diagnostic]) {
        lock.lock()
        collected.append(contentsOf: diagnostics)
        lock.unlock()
    }

    /// Every diagnostic so far, sorted by path and position so output is deterministic.
    package var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return collected.sorted { lhs, rhs in
            if lhs.path != rhs.path { return lhs.path < rhs.path }
            let left = lhs.position ?? .start, right = rhs.position ?? .start
            if left != right { return left < right }
            return lhs.message < rhs.message
        }
    }

    /// Whether any error was reported.
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
