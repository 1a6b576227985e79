import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells ``ContentWatcher`` whether anything under the watched folders may have changed since it last asked, so that
/// it looks at every file only then, not at every tick: Linux's inotify, one watch per folder.
///
/// Where inotify is missing (macOS) or refuses (no instances or watches left), there is no signal and the watcher
/// looks at every tick, as it always did. A signal never hides a change: it is drained before the watcher looks,
/// so a change made while the watcher looks leaves an event for the next tick; a queue that overflowed is an event too.
final class ChangeSignal: @unchecked Sendable {
    #if os(Linux)
    private let descriptor: Int32
    private let lock = NSLock()
    /// The folders watched, by path.
    private var watched: Set<String> = []

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
            watched.formIntersection(folders)
            for folder in folders.subtracting(watched) where inotify_add_watch(descriptor, folder, mask) >= 0 {
                watched.insert(folder)
            }
        }
    }

    /// Whether events came since the last call; reads them all.
    func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var any = false
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 { any = true }
        return any
    }
    #else
    init?() { return nil }
    func watch(_ folders: Set<String>) {}
    func drain() -> Bool { true }
    #endif
}
