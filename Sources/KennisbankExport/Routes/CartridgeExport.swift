import Foundation
import Kennisbank
import KennisbankCore
import KennisbankContent

/// `kennisbank export cartridge`: one route of the built, linked site as an IMS Common Cartridge.
package struct CartridgeExport: Sendable {
    /// The build whose site the route is taken from; its `includesDrafts` decides whether draft routes (and the
    /// draft articles their steps may name) are there.
    package var build: Build
    /// The published site's address, instead of site.yml's `baseURL` (`--base-url`, as given); `nil` to take site.yml's.
    package var baseURL: String?
    /// The version of the Common Cartridge specification to write (`--version`).
    package var version: CommonCartridge

    /// What an export produced.
    package struct Result: Sendable {
        /// The `.imscc` file's bytes.
        package var data: Data
        /// The module written, for the command's summary.
        package var module: CartridgeModule
        /// The build's warnings (an export with warnings is still written, as a build is).
        package var diagnostics: [Diagnostic]
        /// The warnings the files acknowledge.
        package var acknowledged: [Diagnostic]
    }

    /// Creates an export over a build.
    package init(build: Build, baseURL: String? = nil, version: CommonCartridge = .standard) {
        self.build = build
        self.baseURL = baseURL
        self.version = version
    }

    /// `--base-url` ending in `/`, `nil` when not given; an error that names the option when it is no absolute http or
    /// https address (the rule of site.yml's `baseURL`, ``BaseURL``).
    package static func givenBaseURL(_ given: String?) throws(BuildFailure) -> String? {
        guard let given else { return nil }
        switch BaseURL.normalized(given) {
        case .success(let url):
            return url
        case .failure(let problem):
            throw BuildFailure(diagnostics: [Diagnostic(path: "--base-url", position: nil, code: .configuration,
                                                        message: BaseURL.message(given, problem, given: "The option --base-url"),
                                                        hint: "give the address the site is published at, such as --base-url https://kennisbank.example.nl/")])
        }
    }

    /// The cartridge of the route `slug`. Fails, before anything is built, when `--base-url` is no absolute address;
    /// then with the build's errors, or with one error of the export's own: no `baseURL` (neither given nor in site.yml), no route of that slug (with the closest as a hint, and `--drafts` when it is a
    /// draft left out), a route without steps.
    package func run(route slug: String) throws(BuildFailure) -> Result {
        let givenBaseURL = try Self.givenBaseURL(self.baseURL)
        let report = try build.generate()
        let site = report.site
        let configPath = build.contentDirectory + "/site.yml"
        let routesFolder = build.contentDirectory + "/" + ContentKind.route.folder
        let baseURL: String
        do {
            baseURL = try CartridgeChecks.baseURL(givenBaseURL ?? site.content.site.baseURL, siteConfigPath: configPath)
        } catch {
            throw BuildFailure(diagnostics: [error], acknowledged: report.acknowledged)
        }
        let routePath = "\(routesFolder)/\(slug).md"
        guard let route = site.routes.first(where: { $0.slug == slug }) else {
            if !build.includesDrafts, Slug.isValid(slug), build.fileSystem.exists(atPath: routePath) {
                throw BuildFailure(diagnostics: [Diagnostic(
                    path: routePath, position: nil, code: .configuration,
                    message: "The route '\(slug)' is a draft (draft: true), and drafts are left out.",
                    hint: "export it with --drafts, or publish it by removing 'draft: true'"
                )], acknowledged: report.acknowledged)
            }
            let missing = CartridgeChecks.route(slug, among: site.routes.map(\.slug), routesFolder: routesFolder)!
            throw BuildFailure(diagnostics: [missing], acknowledged: report.acknowledged)
        }
        guard !route.steps.isEmpty else {
            throw BuildFailure(diagnostics: [Diagnostic(
                path: route.route.item.source.path, position: nil, code: .configuration,
                message: "The route '\(slug)' has no steps to export."
            )], acknowledged: report.acknowledged)
        }
        let module = RouteCartridge.module(of: route, language: site.content.site.language, baseURL: baseURL)
        do {
            let data = try CartridgePackage(module: module, version: version).data()
            return Result(data: data, module: module, diagnostics: report.diagnostics, acknowledged: report.acknowledged)
        } catch {
            throw BuildFailure(diagnostics: [Diagnostic(path: routePath, position: nil, code: .io,
                                                        message: "The cartridge could not be written: \(error).")])
        }
    }
}
