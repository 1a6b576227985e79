import Foundation

/// How long each step of a build took, in the order the steps ran: what `kennisbank build --timings` prints.
package struct StepTimes: Sendable, Equatable {
    /// One step and its wall-clock time.
    package struct Step: Sendable, Equatable {
        /// The step's name: read and parse, link, render, check, write.
        package var name: String
        /// Its wall-clock time in seconds.
        package var seconds: Double
    }

    /// The steps, in the order they ran.
    package private(set) var steps: [Step] = []

    /// No steps yet.
    package init() {}

    /// Runs `body` and records its wall-clock time under `name`.
    package mutating func time<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { steps.append(Step(name: name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    /// Adds the steps of `other` after these, as if they had run here.
    package mutating func append(_ other: StepTimes) {
        steps += other.steps
    }

    /// One line per step and a total, aligned: `link     1.234 s  41%`.
    package var summary: String {
        let total = steps.reduce(0) { $0 + $1.seconds }
        let width = steps.map(\.name.count).max() ?? 0
        let lines = steps.map { step in
            step.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: " %8.3f s %4.0f%%", step.seconds, total > 0 ? step.seconds / total * 100 : 0)
        }
        return (lines + ["total".padding(toLength: width, withPad: " ", startingAt: 0) + String(format: " %8.3f s", total)])
            .joined(separator: "\n")
    }
}
