import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches folders, recursively, by comparing looks at every file.
///
/// A change is a file added, removed, or changed in size, modification time or inode (editors that save by
/// renaming a new file over the old one change the inode). On Linux the watcher looks only when inotify says
/// something happened in a watched folder (``ChangeSignal``), and every ``fullLookInterval`` all the same (for a
/// watched folder made after the start, which inotify cannot watch before it exists); elsewhere at every tick.
/// After a change the watcher waits until the folders have been quiet for ``debounce`` before it reports, so that a
/// save touching several files, or a file written in pieces, gives one rebuild.
package struct ContentWatcher: Sendable {
    /// The folders to watch.
    package var directories: [String]
    /// How often to look.
    package var interval: Duration
    /// How long the folders must stay unchanged before a change is reported.
    package var debounce: Duration
    /// How often the watcher looks at every file even when no signal came.
    package var fullLookInterval: Duration = .seconds(2)
    /// How often the signal is asked, when there is one (a read of a few bytes, so it can be often): a save is seen
    /// this soon, not after up to ``interval``.
    package var signalInterval: Duration = .milliseconds(50)
    /// What says that something may have changed; `nil` where there is none, and the watcher looks at every tick.
    let signal: ChangeSignal?

    /// Creates a watcher.
    package init(directories: [String], interval: Duration = .milliseconds(150), debounce: Duration = .milliseconds(60)) {
        self.directories = directories
        self.interval = interval
        self.debounce = debounce
        signal = ChangeSignal()
    }

    /// What is known of one file.
    package struct Stamp: Hashable, Sendable {
        /// Size in bytes.
        package var size: Int64
        /// Modification time, seconds and nanoseconds.
        package var seconds: Int, nanoseconds: Int
        /// Inode number.
        package var inode: UInt64
    }

    /// Every file under the watched folders with its stamp. Hidden files and folders (editor swap files,
    /// `.DS_Store`) are skipped.
    package func snapshot() -> [String: Stamp] {
        var files: [String: Stamp] = [:]
        var folders = Set<String>()
        for directory in directories {
            Self.scan(directory, into: &files, folders: &folders, depth: 0)
        }
        signal?.watch(folders)
        return files
    }

    /// The paths that differ between two snapshots, sorted.
    package static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    /// Calls `onChange` with the changed paths after every quiet batch of changes, until the task is cancelled.
    ///
    /// `onChange` runs before the next look, so changes made while it runs (a rebuild) are reported afterwards.
    /// `onTick` is called at every tick, for keep-alives. `start` is the first look, when it was taken
    /// earlier (before a first build, so that a change made during that build is reported).
    package func watch(from start: [String: Stamp]? = nil, onTick: () async -> Void = {}, onChange: ([String]) async -> Void) async {
        var known = start ?? snapshot()
        let clock = ContinuousClock()
        var lastLook = clock.now
        let tick = signal == nil ? interval : min(interval, signalInterval)
        while !Task.isCancelled {
            do { try await Task.sleep(for: tick) } catch { return }
            // Drained before the look: an event of a change made while it looks stays for the next tick.
            var events = signal?.drain() ?? .anything
            await onTick()
            if clock.now - lastLook >= fullLookInterval { events = .anything }
            var current = known
            if events == .anything { lastLook = clock.now }
            guard look(events, at: &current) else { continue }
            // Debounce: wait until the folders have been quiet for `debounce` (no event, or a look that changes nothing).
            while !Task.isCancelled {
                do { try await Task.sleep(for: debounce) } catch { return }
                guard look(signal?.drain() ?? .anything, at: &current) else { break }
            }
            let changed = Self.changes(from: known, to: current)
            known = current
            await onChange(changed)
        }
    }

    /// Brings `files` up to date with what `events` name: each file named looked at again, or every file when the
    /// events cannot name them. Returns whether anything differs.
    private func look(_ events: ChangeSignal.Events, at files: inout [String: Stamp]) -> Bool {
        switch events {
        case .none: return false
        case .files(let paths):
            var differs = false
            for path in paths {
                var info = stat()
                let stamp: Stamp?
                if stat(path, &info) != 0 {
                    stamp = nil
                } else if info.st_mode & S_IFMT == S_IFREG {
                    stamp = Self.stamp(info)
                } else {
                    // A folder (or more) where a file was: only a look at every file sees what it holds.
                    return look(.anything, at: &files)
                }
                if files[path] != stamp {
                    files[path] = stamp
                    differs = true
                }
            }
            return differs
        case .anything:
            let all = snapshot()
            defer { files = all }
            return all != files
        }
    }

    private static func stamp(_ info: stat) -> Stamp {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), inode: UInt64(info.st_ino))
    }

    private static func scan(_ directory: String, into files: inout [String: Stamp], folders: inout Set<String>, depth: Int) {
        guard depth < 32, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        folders.insert(directory)
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                scan(path, into: &files, folders: &folders, depth: depth + 1)
            } else {
                files[path] = stamp(info)
            }
        }
    }
}
