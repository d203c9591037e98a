import JupyterProtocol

extension KernelInfoReply {
  /// The reply built from a language's description; computed once at start and reused,
  /// since frontends ask for it many times (every 0.5 s on both channels while connecting).
  public init(_ info: LanguageInfo) {
    self.init(
      implementation: info.implementation, implementationVersion: info.implementationVersion,
      languageInfo: LanguageInfoContent(
        name: info.name, version: info.version, mimetype: info.mimetype, fileExtension: info.fileExtension,
        pygmentsLexer: info.pygmentsLexer, codemirrorMode: info.codemirrorMode,
        nbconvertExporter: info.nbconvertExporter),
      banner: info.banner, helpLinks: info.helpLinks.map { HelpLink(text: $0.text, url: $0.url) })
  }
}
