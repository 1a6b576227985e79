import Foundation
import KennisbankCore
#if canImport(Glibc)
import Glibc
private let systemRename = Glibc.rename
#elseif canImport(Darwin)
import Darwin
private let systemRename = Darwin.rename
#endif

/// Puts a finished staging folder in the output folder's place, so that the output folder is at every moment the
/// old site or the new one, whole: never missing, even when the process is killed part way.
///
/// On Linux the two folders trade places in one step (`renameat2` with `RENAME_EXCHANGE`), and the old site, which
/// then sits at the staging path, is removed. Where that call is missing (another system, or a file system without
/// it: `EINVAL`, `ENOSYS`) the old folder is renamed aside to the retired path and the staging folder renamed in:
/// a process killed between the two leaves no output folder, and the next build puts the retired one back
/// (``LeftoverFolders``).
enum FolderSwap {
    /// How the folders are swapped.
    enum Method: Sendable {
        /// One exchange where the system has it, else two renames.
        case exchange
        /// Always two renames (the fallback, chosen by tests to stop a build between them).
        case renames
    }

    /// Replaces the folder at `output` with the one at `staging` and removes the old one; `retired` is where the old
    /// folder waits between two renames. When this throws, `output` holds the old site (or nothing, if there was none).
    static func replace(_ output: String, with staging: String, retiring retired: String, method: Method) throws(FileWriting.Failure) {
        var info = stat()
        guard lstat(output, &info) == 0 else {
            try rename(staging, to: output)
            return
        }
        if method == .exchange, try exchange(staging, output) {
            remove(staging)
            return
        }
        remove(retired)
        try rename(output, to: retired)
        do {
            try rename(staging, to: output)
        } catch {
            _ = systemRename(retired, output)
            throw error
        }
        remove(retired)
    }

    /// Trades the places of the folders at `first` and `second` in one step: `true` when done, `false` when the
    /// system or file system cannot (the caller then renames), throwing on any other failure.
    private static func exchange(_ first: String, _ second: String) throws(FileWriting.Failure) -> Bool {
        #if os(Linux)
        guard let renameat2 else { return false }
        if renameat2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0 { return true }
        let code = errno
        if code == EINVAL || code == ENOSYS { return false }
        throw FileWriting.failure(second, code: code)
        #else
        return false
        #endif
    }

    #if os(Linux)
    /// `RENAME_EXCHANGE` of `<linux/fs.h>`, which the Glibc module does not export.
    private static let exchangeFlag: UInt32 = 2

    /// glibc's `renameat2` (2.28 and later), looked up at run time: the Glibc module does not export it, and its
    /// system call cannot be made through the variadic `syscall`, which Swift does not import.
    private static let renameat2: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()
    #endif

    /// `rename(2)`, throwing the system's reason.
    private static func rename(_ source: String, to target: String) throws(FileWriting.Failure) {
        guard systemRename(source, target) != 0 else { return }
        throw FileWriting.failure(target)
    }

    /// Removes the folder at `path` and all it holds, if it is there: a failure leaves a folder that the next build
    /// removes (``LeftoverFolders``).
    private static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
