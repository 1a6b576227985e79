import ArgumentParser
import Foundation

/// Which templates folder a command reads. Its files replace the built-in templates and assets file by file; without
/// one the built-ins are used as they are.
///
/// `--templates DIR` names it, and must name a folder that exists (a misspelt name would otherwise build with the
/// built-ins without a word). Without the option it is `Templates` beside the content folder (`Content` →
/// `Templates`, `../boek/Content` → `../boek/Templates`), used when it exists: the templates belong to the site,
/// as its content does, whatever the working directory.
enum TemplatesFolder {
    /// The help of the `--templates` option.
    static let help: ArgumentHelp = "A folder whose templates and assets replace the built-in ones, file by file (default: Templates beside the content folder, when it exists)."

    /// The folder `--templates` names, or `Templates` beside `content`.
    static func resolve(_ option: String?, content: String) -> String {
        if let option { return option }
        // The path is cut by hand: NSString's path methods crashed on a one-word relative path (`--content C`).
        var path = Substring(content)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        guard last != "." && last != ".." && !last.isEmpty else {
            return URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Templates").path
        }
        guard let slash = path.lastIndex(of: "/") else { return "Templates" }
        let parent = path[..<slash]
        return parent.isEmpty ? "/Templates" : "\(parent)/Templates"
    }

    /// A folder named by `--templates` must exist.
    static func validate(_ option: String?) throws {
        var isFolder: ObjCBool = false
        if let option, !(FileManager.default.fileExists(atPath: option, isDirectory: &isFolder) && isFolder.boolValue) {
            throw ValidationError("The templates folder '\(option)' does not exist. Leave out --templates to use the built-in templates, or `kennisbank templates export \(option)` to start one from them.")
        }
    }
}
