/// A folder's path as the terminal shows it: with one `/` at the end, however it was typed (`Site`, `Site/`).
///
/// ```swift
/// FolderName.shown("Content/")    // "Content/"
/// FolderName.shown("Site")        // "Site/"
/// ```
package enum FolderName {
    /// `path` with its trailing slashes replaced by one.
    package static func shown(_ path: String) -> String {
        let trimmed = path.reversed().drop { $0 == "/" }
        return String(trimmed.reversed()) + "/"
    }
}
