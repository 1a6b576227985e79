import Foundation
import PackagePlugin

/// Compiles the repository's `Templates/` folder into the target that uses this plugin: `TemplateEmbedder` writes
/// every file of the folder (templates, README, assets; hidden files left out) into one Swift source file in the
/// plugin's work directory.
///
/// Every file of the folder is an input of the command, so editing one regenerates the Swift file. SwiftPM lists a
/// command's inputs only when it plans a build, which it does again when a target's folder gains or loses a file:
/// the target's folder holds a symbolic link to Templates/ (`Sources/KennisbankDefaultTemplates/Templates`,
/// excluded from its sources), so adding or removing a template or asset plans the build again and the plugin
/// lists the folder anew. No manual step either way.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [.buildCommand(
            displayName: "Embedding the default templates of \(templates.path)",
            executable: try context.tool(named: "TemplateEmbedder").url,
            arguments: [templates.path, output.path],
            inputFiles: [templates] + files(under: templates),
            outputFiles: [output])]
    }

    /// Every regular file below `folder`, hidden ones left out, sorted by path.
    private func files(under folder: URL) -> [URL] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else {
            return []
        }
        var found: [URL] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: Set(keys)))?.isRegularFile == true {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}
