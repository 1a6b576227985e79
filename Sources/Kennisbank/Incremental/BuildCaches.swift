import KennisbankCore
/// Everything an incremental build remembers between runs, one cache per step.
final class BuildCaches: Sendable {
    /// Read and parse: each file's bytes and what they parsed to.
    let content = ContentLoader.ContentCache()
    /// Link: prepared and linked pages with their inputs.
    let links = LinkCache()
    /// Render: bodies, references and previews, and the digests of the pages last written.
    let renders = RenderCache()
}
