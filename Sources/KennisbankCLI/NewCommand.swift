import ArgumentParser
import Foundation
import Kennisbank
import KennisbankContent
import KennisbankCore

/// `kennisbank new article|concept|miniature|route "Titel"`: a new file with its front matter filled in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an article, concept, miniature or route with its front matter filled in.",
        discussion: "The slug comes from the title, with Dutch diacritics folded: \"Ideeën over niet-weten\" becomes ideeen-over-niet-weten.md. A title needs a letter or digit; the slug is cut at a hyphen to at most 80 bytes. An existing file is never overwritten.")

    @Argument(help: "What to create: article, concept, miniature or route (a learning route, in leerroutes/).")
    var kind: ContentKind

    @Argument(help: "The title.")
    var title: String

    @Option(help: "The content folder.")
    var content = "Content"

    func run() throws {
        do throws(Diagnostic) {
            let path = try Scaffold(kind: kind, title: title).write(into: content)
            print(path)
        } catch {
            standardError(error.description + "\n")
            throw ExitCode(1)
        }
    }
}

extension ContentKind: ExpressibleByArgument {}
