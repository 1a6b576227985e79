import Foundation

/// A file of the generated site: its path below the output folder and its bytes.
public struct OutputFile: Hashable, Sendable {
    /// The path below the site root, such as `begrippen/niet-weten/index.html`.
    public var path: String
    /// The contents.
    public var contents: Data

    /// Creates an output file.
    public init(path: String, contents: Data) {
        precondition(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "output paths stay inside the site: \(path)")
        self.path = path
        self.contents = contents
    }

    /// Creates an output file from text.
    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
