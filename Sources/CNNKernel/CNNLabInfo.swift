import JupyterKernel

/// What the kernel says about itself in `kernel_info_reply`.
public enum CNNLabInfo {
  public static let version = "0.1.0"

  public static let languageInfo = LanguageInfo(
    name: "cnnlab",
    version: version,
    mimetype: "text/x-cnnlab",
    fileExtension: ".cnn",
    // The language reads like Python, so Python's highlighters colour it well in
    // JupyterLab (CodeMirror) and in nbconvert's HTML export (Pygments).
    pygmentsLexer: "python",
    codemirrorMode: "python",
    implementation: "cnnlab",
    implementationVersion: version,
    banner: "CNN Lab \(version): convolutional neural networks, one feature map at a time.\n"
      + "Type help(name) for any built-in, e.g. help(conv2d)."
  )
}
