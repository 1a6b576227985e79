/// The book's stylesheet. It sets no font family, no font size in pixels and no colour: the reader's font, size
/// and night mode stay in charge. Sizes are in `em`, relative to the reader's choice.
package enum EpubStyle {
    /// The stylesheet's file in the book.
    package static let file = "stijl.css"

    /// The stylesheet.
    package static let css = """
    body { margin: 0 0.5em; line-height: 1.5; }
    h1 { font-size: 1.6em; line-height: 1.2; margin: 1em 0 0.5em; }
    h2 { font-size: 1.3em; line-height: 1.25; margin: 1.2em 0 0.4em; }
    h3 { font-size: 1.1em; margin: 1em 0 0.3em; }
    p { margin: 0 0 0.8em; }
    .ondertitel { font-style: italic; font-size: 1.1em; }
    .auteurs, .auteur { font-variant: small-caps; }
    .titelpagina { text-align: center; margin-top: 20%; }
    .titelpagina h1 { font-size: 2em; }
    figure.miniature { margin: 1.2em 0; padding: 0.6em 1em; border-left: 0.2em solid; }
    figcaption { font-weight: bold; margin-bottom: 0.4em; }
    figure.figure { margin: 1.2em 0; }
    figure.figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    figure.figure figcaption { font-weight: normal; font-size: 0.9em; margin: 0.4em 0 0; }
    .figure-note { font-style: italic; text-align: center; }
    blockquote { margin: 1em 1.5em; font-style: italic; }
    dt { font-weight: bold; margin-top: 1.2em; }
    dd { margin: 0.3em 0 0 1em; }
    dfn { font-style: normal; }
    .samenvatting { font-style: italic; }
    .literatuur { list-style: none; padding: 0; }
    .literatuur li { margin: 0 0 0.6em; padding-left: 2em; text-indent: -2em; }
    .reference-note, .onvolledig { font-size: 0.85em; opacity: 0.75; }
    aside.begripsnoot { font-size: 0.9em; }
    aside.begripsnoot h2 { font-size: 1em; margin: 1.5em 0 0.25em; }
    nav ol { list-style: none; padding-left: 1em; }

    """
}
