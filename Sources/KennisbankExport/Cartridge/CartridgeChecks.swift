import KennisbankCore

/// What must hold before a route can be exported as a cartridge, each failure a diagnostic for the author.
package enum CartridgeChecks {
    /// The site's `baseURL`, which every step's web link is made absolute with; an error on site.yml without it.
    package static func baseURL(_ baseURL: String?, siteConfigPath: String) throws(Diagnostic) -> String {
        guard let baseURL, baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else {
            throw Diagnostic(
                path: siteConfigPath, position: nil, code: .configuration,
                message: "A cartridge links every step to its published page, so site.yml needs an absolute 'baseURL'"
                    + (baseURL.map { " (it is '\($0)')" } ?? "") + ".",
                hint: "add a line such as 'baseURL: https://kennisbank.example.nl/' to site.yml, or give --base-url"
            )
        }
        return baseURL
    }

    /// An error when no route has the slug asked for, with the closest slug as a hint; `nil` when one has.
    package static func route(_ slug: String, among slugs: [String], routesFolder: String) -> Diagnostic? {
        guard !slugs.contains(slug) else { return nil }
        return Diagnostic(
            path: routesFolder, position: nil, code: .configuration,
            message: slugs.isEmpty ? "There is no route '\(slug)': the content has no routes." : "There is no route '\(slug)'.",
            hint: Suggestions.hint(for: slug, among: slugs)
        )
    }
}
