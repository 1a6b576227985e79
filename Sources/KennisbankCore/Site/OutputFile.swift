import Foundation

/// A file of the generated site: its path below the output folder and its bytes.
package struct OutputFile: Hashable, Sendable {
    /// The path below the site root, such as `begrippen/niet-weten/index.html`.
    package var path: String
    /// The contents.
    package var contents: Data

    /// Creates an output file.
    package init(path: String, contents: Data) {
        precondition(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "output paths stay inside the site: \(path)")
        self.path = path
        self.contents = contents
    }

    /// Creates an output file from text.
    package init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
