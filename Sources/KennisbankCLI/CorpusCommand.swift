import ArgumentParser
import Foundation
import Kennisbank
import KennisbankCore
import KennisbankCorpus

/// `kennisbank corpus --output DIR`: a generated, valid content folder of any size, for benchmarks.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Generate a synthetic content folder (Dutch prose, citations, concepts, miniatures) for benchmarks.",
        discussion: "The same seed and sizes give byte-identical files. The folder builds with no errors or warnings.")

    @Option(help: "The folder to write (site.yml, articles/, concepts/, miniatures/, bibliography/).")
    var output: String

    @Option(help: "The number of articles (about 4,000 words each).")
    var articles = 2000

    @Option(help: "The number of concepts.")
    var concepts = 300

    @Option(help: "The number of references in bibliography/.")
    var references = 1500

    @Option(help: "The number of miniatures.")
    var miniatures = 500

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "The approximate number of words per article.")
    var words = 4000

    func validate() throws {
        guard articles >= 0, concepts >= 0, references >= 0, miniatures >= 0, words > 0 else {
            throw ValidationError("Sizes cannot be negative.")
        }
    }

    func run() throws {
        let start = Date()
        let options = CorpusOptions(articles: articles, concepts: concepts, references: references, miniatures: miniatures,
                                    seed: seed, wordsPerArticle: words)
        do {
            try CorpusGenerator(options: options).write(to: output)
        } catch {
            standardError(Sentence.joined("The corpus could not be written to \(output)", error) + "\n")
            throw ExitCode(1)
        }
        standardError("Generated \(articles) articles, \(concepts) concepts, \(references) references and \(miniatures) miniatures into \(FolderName.shown(output)) in "
                      + String(format: "%.2f s", Date().timeIntervalSince(start)) + ".\n")
    }
}
