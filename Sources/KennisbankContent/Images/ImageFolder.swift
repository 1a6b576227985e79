import Foundation
import KennisbankCore
import KennisbankImages

/// Reads the images of the content folder's `images/` folder (subfolders included), each described again only when
/// its bytes changed.
struct ImageFolder: Sendable {
    /// The content folder.
    var directory: String
    /// The disk, or memory in tests.
    var fileSystem: any FileSystem
    /// What earlier builds read.
    var memo: Memo
    /// Reads a file's bytes, through the memo's stamps (``ContentLoader``'s reader).
    var read: @Sendable (String) throws(Diagnostic) -> Data

    /// The described images, by path, with the bytes they were described from.
    static let described = MemoName<FileBytes, ContentImage>("content.images", keepsNewestInputs: true)

    /// Every image of the folder by its name below `images/`, and the problems of the folder's files.
    func load() -> (images: [String: ContentImage], problems: [Diagnostic]) {
        let root = directory + "/" + ContentImage.folder
        let finder = MarkdownFiles(root: directory, fileSystem: fileSystem, matches: { _ in true })
        let (files, loops) = finder.find(in: root)
        var problems = loops
        let results: [Result<ContentImage, Diagnostic>] = files.parallelMap { file in
            let name = String(file.dropFirst(root.count + 1))
            // A file whose name is no image's (by its extension) is reported and left out.
            guard ImageFormat(fileExtension: Self.fileExtension(of: name)) != nil else {
                return .failure(Diagnostic(path: file, position: nil, severity: .warning, code: .unreadableImage,
                                           message: "'\(name)' in \(ContentImage.folder)/ is no PNG, JPEG, WebP or SVG file; the site leaves it out."))
            }
            let bytes: Data
            do throws(Diagnostic) { bytes = try read(file) } catch { return .failure(error) }
            return .success(memo.value(Self.described, key: file, inputs: FileBytes(bytes)) {
                ImageDescription.describe(path: file, name: name, bytes: bytes)
            })
        }
        var images: [String: ContentImage] = [:]
        for result in results {
            switch result {
            case .success(let image): images[image.name] = image
            case .failure(let problem): problems.append(problem)
            }
        }
        return (images, problems)
    }

    /// The extension of a file name (`png` of `figuur.png`), or empty.
    static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return "" }
        return String(name[name.index(after: dot)...])
    }
}
