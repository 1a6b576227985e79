import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells ``ContentWatcher`` what may have changed under the watched folders since it last asked, so that it looks
/// at the files named, or at every file only when the events cannot name them: Linux's inotify, one watch per folder.
///
/// Where inotify is missing (macOS) or refuses (no instances or watches left), there is no signal and the watcher
/// looks at every file at every tick, as it always did. A signal never hides a change: it is drained before the
/// watcher looks, so a change made while the watcher looks leaves an event for the next tick; a queue that
/// overflowed, and an event about a folder, say that anything may have changed.
final class ChangeSignal: @unchecked Sendable {
    /// What the events read by one ``drain()`` say.
    enum Events: Equatable {
        /// Nothing happened.
        case none
        /// Only these files (full paths, hidden names left out) may have been added, changed or removed.
        case files(Set<String>)
        /// Anything may have changed: a folder came, went or moved, a watch was dropped, or events were lost.
        case anything
    }

    #if os(Linux)
    private let descriptor: Int32
    private let lock = NSLock()
    /// The folders watched, by watch descriptor.
    private var folders: [Int32: String] = [:]

    /// A signal, or `nil` where inotify cannot be had.
    init?() {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Watches `folders` from now on (those already watched stay so); forgets folders that are gone (the kernel
    /// dropped their watches), so that a folder made again at the same path is watched again.
    func watch(_ folders: Set<String>) {
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                           | IN_DELETE_SELF | IN_MOVE_SELF)
        lock.withLock {
            self.folders = self.folders.filter { folders.contains($0.value) }
            let watched = Set(self.folders.values)
            for folder in folders.subtracting(watched) {
                let watch = inotify_add_watch(descriptor, folder, mask)
                if watch >= 0 { self.folders[watch] = folder }
            }
        }
    }

    /// What happened since the last call; reads every event waiting.
    func drain() -> Events {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var files = Set<String>()
        var anything = false
        var any = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            any = true
            guard !anything else { continue }
            lock.withLock {
                anything = !Self.parse(buffer[..<count], folders: folders, into: &files)
            }
        }
        return !any ? .none : anything ? .anything : .files(files)
    }

    /// Adds the files that the events in `bytes` name to `files`; `false` when an event names no file that can be
    /// looked at alone (a folder's event, a dropped watch, an overflow, a folder not known).
    private static func parse(_ bytes: ArraySlice<UInt8>, folders: [Int32: String], into files: inout Set<String>) -> Bool {
        // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }, one after the other.
        let header = 16
        var offset = bytes.startIndex
        while offset + header <= bytes.endIndex {
            func word(_ at: Int) -> UInt32 {
                (0..<4).reduce(0) { $0 | UInt32(bytes[offset + at + $1]) << (8 * $1) }
            }
            let (watch, mask, length) = (Int32(bitPattern: word(0)), word(4), Int(word(12)))
            let nameBytes = bytes[(offset + header)..<min(offset + header + length, bytes.endIndex)]
            offset += header + length
            let folderEvents = UInt32(IN_ISDIR | IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)
            guard mask & folderEvents == 0, let folder = folders[watch] else { return false }
            // A name that is not UTF-8 is left to a look at every file, which names it as the file system does.
            guard let name = String(validating: nameBytes.prefix { $0 != 0 }, as: UTF8.self), !name.isEmpty else { return false }
            if !name.hasPrefix(".") { files.insert(folder.hasSuffix("/") ? folder + name : folder + "/" + name) }
        }
        return true
    }
    #else
    init?() { return nil }
    func watch(_ folders: Set<String>) {}
    func drain() -> Events { .anything }
    #endif
}
