import Foundation

/// Paths to the test fixtures and the repository.
enum Fixtures {
    /// The Fixtures folder, as copied into the test bundle.
    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    /// The repository root (the folder with Package.swift).
    static var repository: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }

    /// The text of a fixture file.
    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relativePath), encoding: .utf8)
    }
}

/// One example of the CommonMark spec.
struct SpecExample {
    let number: Int
    let section: String
    let markdown: String
    let html: String

    /// Reads the examples of a spec file (the `example` fences, with `→` standing for a tab).
    static func load(_ file: String) throws -> [SpecExample] {
        let lines = try Fixtures.text(file).components(separatedBy: "\n")
        var examples: [SpecExample] = []
        var section = ""
        var index = 0
        let fence = String(repeating: "`", count: 32) + " example"
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("#") { section = line.drop(while: { $0 == "#" || $0 == " " }).description }
            guard line == fence else { index += 1; continue }
            var markdown: [String] = [], html: [String] = []
            index += 1
            while lines[index] != "." { markdown.append(lines[index]); index += 1 }
            index += 1
            while lines[index] != String(repeating: "`", count: 32) { html.append(lines[index]); index += 1 }
            let fix = { (text: [String]) in text.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t") }
            examples.append(SpecExample(number: examples.count + 1, section: section, markdown: fix(markdown), html: fix(html)))
            index += 1
        }
        return examples
    }
}
