// swift-tools-version:6.0
import PackageDescription

// The tensor engine's inner loops need AVX2 and FMA: without `-target-cpu`, Swift compiles
// for baseline x86-64 and every SIMD fused multiply-add becomes a libm call (about 130x slower).
//
// Every module where input arrives (the language, the file decoders, the renderer, the
// protocol) keeps Swift's checks (-O): a wrapped size or an index past the end stops with a
// trap in a test instead of becoming a segmentation fault. Only the tensor engine, whose
// inner loops are measured against ONNX Runtime, drops them: with checks LeNet-5 ran 5-7%
// slower (docs/reliability.md). Its entry points check every size explicitly, with
// overflow-reporting arithmetic that holds under -Ounchecked too.
let checkedSpeed: [SwiftSetting] = [
  .unsafeFlags(["-wmo", "-target-cpu", "haswell"], .when(configuration: .release))
]
let engineSpeed: [SwiftSetting] = [
  .unsafeFlags(["-Ounchecked", "-wmo", "-target-cpu", "haswell"], .when(configuration: .release))
]

// Every module would import the concurrency and string-processing runtimes implicitly, and
// linking them (with the regex parser) costs every kernel process about 1.5 MiB of resident
// memory. No module uses async or Regex; text search has `containsText` in TensorEngine.
let lean: [SwiftSetting] = [
  .unsafeFlags([
    "-Xfrontend", "-disable-implicit-concurrency-module-import",
    "-Xfrontend", "-disable-implicit-string-processing-module-import",
  ])
]

let package = Package(
  name: "CNNLab",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "cnnlab", targets: ["cnnlab"]),
    .executable(name: "cnnlab-kernel", targets: ["cnnlab-kernel"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // System libraries. libzmq's pkg-config file drags in -isystem flags that SwiftPM refuses,
    // so CZeroMQ links by name; its header lives in /usr/include.
    .systemLibrary(name: "CZeroMQ", providers: [.apt(["libzmq3-dev"])]),
    .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CPNG", providers: [.apt(["libpng-dev"])]),
    .systemLibrary(name: "CTurboJPEG", providers: [.apt(["libturbojpeg0-dev"])]),
    .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
    .systemLibrary(name: "CMalloc"),

    // Text and time without Foundation: number wording, printf, substring search, the clock.
    .target(name: "TextAndTime", exclude: ["README.md"], swiftSettings: lean),
    .target(name: "JupyterProtocol", dependencies: ["COpenSSL"], exclude: ["README.md"], swiftSettings: lean),
    .target(name: "JupyterKernel", dependencies: ["JupyterProtocol"], exclude: ["README.md"], swiftSettings: lean),
    // The Jupyter widget protocol over the kernel's comms, for any language.
    .target(name: "JupyterWidgets", dependencies: ["JupyterKernel", "JupyterProtocol"], exclude: ["README.md"], swiftSettings: lean),
    .target(name: "JupyterZMQ", dependencies: ["JupyterKernel", "JupyterProtocol", "CZeroMQ"], exclude: ["README.md"], swiftSettings: lean),
    .target(name: "TensorEngine", dependencies: ["COpenBLAS", "CMalloc", "TextAndTime"], exclude: ["README.md"], swiftSettings: engineSpeed + lean),
    .target(name: "Datasets", dependencies: ["TensorEngine", "CPNG", "CTurboJPEG", "CZlib"], exclude: ["README.md"], swiftSettings: checkedSpeed + lean),
    .target(name: "CNNLang", dependencies: ["TensorEngine", "Datasets", "TextAndTime"], exclude: ["README.md"], swiftSettings: checkedSpeed + lean),
    .target(name: "EngineBench", dependencies: ["TensorEngine", "TextAndTime"], exclude: ["README.md"], swiftSettings: checkedSpeed + lean),
    .target(name: "FeatureMapRender", dependencies: ["TensorEngine", "TextAndTime", "CZlib", "CFreeType"], exclude: ["README.md"], swiftSettings: checkedSpeed + lean),
    .target(
      name: "CNNKernel",
      dependencies: [
        "JupyterKernel", "JupyterProtocol", "JupyterWidgets", "CNNLang", "FeatureMapRender", "TensorEngine", "TextAndTime",
      ],
      exclude: ["README.md"], swiftSettings: lean),
    // The command line (install, run, bench, and the kernel for a terminal).
    .executableTarget(
      name: "cnnlab",
      dependencies: [
        "CNNKernel", "JupyterZMQ", "JupyterKernel", "JupyterProtocol", "TensorEngine", "CNNLang",
        "FeatureMapRender", "EngineBench", "Datasets", "TextAndTime",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: checkedSpeed + lean),
    // The process Jupyter starts for each notebook: the kernel alone, without the command-line
    // package (which links Foundation, 2 MiB more in every kernel).
    .executableTarget(
      name: "cnnlab-kernel",
      dependencies: ["CNNKernel", "CNNLang", "JupyterZMQ"],
      swiftSettings: lean,
      // The Swift runtime linked into the binary: the kernel then carries only the part of it
      // that it uses and skips resolving thousands of its symbols at start, about 0.8 MiB less
      // resident memory per kernel (and no library path to set for the toolchain's libraries).
      linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]),

    .target(name: "TestSupport", dependencies: ["JupyterKernel", "JupyterProtocol", "TensorEngine"], path: "Tests/TestSupport"),
    .testTarget(name: "JupyterProtocolTests", dependencies: ["JupyterProtocol", "COpenSSL"]),
    .testTarget(name: "JupyterKernelTests", dependencies: ["JupyterKernel", "JupyterProtocol", "TestSupport"]),
    .testTarget(name: "JupyterWidgetsTests", dependencies: ["JupyterWidgets", "JupyterKernel", "JupyterProtocol", "TestSupport"]),
    .testTarget(name: "JupyterZMQTests", dependencies: ["JupyterZMQ", "JupyterKernel", "JupyterProtocol", "CZeroMQ"]),
    .testTarget(name: "TensorEngineTests", dependencies: ["TensorEngine", "TextAndTime", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "CNNLangTests", dependencies: ["CNNLang", "TensorEngine", "TestSupport"], resources: [.copy("Programs")]),
    .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "TensorEngine", "CZlib", "TestSupport"]),
    .testTarget(name: "FeatureMapRenderTests", dependencies: ["FeatureMapRender", "TensorEngine", "TextAndTime", "CZlib", "TestSupport"]),
    .testTarget(name: "TextAndTimeTests", dependencies: ["TextAndTime"]),
    .testTarget(name: "CNNKernelTests", dependencies: ["CNNKernel", "JupyterKernel", "JupyterProtocol", "TestSupport"]),
  ]
)
