import CNNLang
import Foundation
import Testing

/// Runs every program under Programs/ and checks its inline expectations:
/// `# expect: LINE` (stdout, in order), `# expect-stderr: LINE`, `# expect-result: REPR`,
/// `# expect-show: REPR` (a show() call), `# expect-page: TEXT` (a fragment of help's page), and
/// `# error: KIND LINE:COL FRAGMENT` for the one failure the program must end with.
struct GoldenProgramTests {
  static let root = Bundle.module.url(forResource: "Programs", withExtension: nil)

  static var programs: [String] {
    guard let root, let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    var names: [String] = []
    for case let url as URL in files where url.pathExtension == "cnn" {
      names.append(String(url.path.dropFirst(root.path.count + 1)))
    }
    return names.sorted()
  }

  @Test func programsArePresent() {
    #expect(GoldenProgramTests.programs.count >= 20)
  }

  /// Every built-in function and method is called by at least one program.
  @Test func everyBuiltinIsExercised() throws {
    guard let root = GoldenProgramTests.root else {
      Issue.record("no Programs folder")
      return
    }
    var all = ""
    for name in GoldenProgramTests.programs {
      all += try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }
    let registry = Interpreter().registry
    for name in registry.functions.keys {
      #expect(all.contains(name + "("), "no program calls \(name)")
    }
    for methods in registry.methods.values {
      for name in methods.keys { #expect(all.contains("." + name + "("), "no program calls .\(name)") }
    }
  }

  @Test(arguments: GoldenProgramTests.programs)
  func program(_ name: String) throws {
    let url = try #require(GoldenProgramTests.root?.appendingPathComponent(name))
    let source = try String(contentsOf: url, encoding: .utf8)
    let expected = Expectations(source)
    let run = CellRun(source)

    #expect(lines(run.host.stdout) == expected.stdout, "stdout of \(name)")
    #expect(lines(run.host.stderr) == expected.stderr, "stderr of \(name)")
    #expect(run.host.shown.map(\.value.repr) == expected.shows, "show() calls of \(name)")
    for fragment in expected.pages {
      #expect(run.host.pages.contains { $0.contains(fragment) }, "pager of \(name) should contain \(fragment)")
    }
    switch run.result {
    case .value(let value):
      #expect(expected.error == nil, "\(name) should fail with \(expected.error ?? "")")
      if let result = expected.result { #expect(value?.repr == result, "result of \(name)") }
    case .failure(let error):
      guard let spec = expected.error else {
        Issue.record("\(name) failed unexpectedly:\n\(error.plainTraceback.joined(separator: "\n"))")
        return
      }
      let diagnostic = try #require(error.diagnostics.first)
      let location = SourceFile(name: "", text: source).location(of: diagnostic.range.start)
      let actual = "\(error.kind.name) \(location.line):\(location.column) \(error.message)"
      #expect(actual.hasPrefix(spec.errorHead), "\(name): \(actual)")
      #expect(actual.contains(spec.errorFragment), "\(name): \(actual)")
    }
  }

  private func lines(_ text: String) -> [String] {
    var parts = text.components(separatedBy: "\n")
    if parts.last == "" { parts.removeLast() }
    return parts
  }
}

/// The `# expect...` comments of a program.
struct Expectations {
  var stdout: [String] = []
  var stderr: [String] = []
  var shows: [String] = []
  var pages: [String] = []
  var result: String?
  var error: String?

  init(_ source: String) {
    for line in source.components(separatedBy: "\n") {
      for (marker, apply) in Expectations.markers {
        if let range = line.range(of: marker) { apply(&self, String(line[range.upperBound...])) }
      }
    }
  }

  static let markers: [(String, @Sendable (inout Expectations, String) -> Void)] = [
    ("# expect: ", { $0.stdout.append($1) }),
    ("# expect-stderr: ", { $0.stderr.append($1) }),
    ("# expect-show: ", { $0.shows.append($1) }),
    ("# expect-page: ", { $0.pages.append($1) }),
    ("# expect-result: ", { $0.result = $1 }),
    ("# error: ", { $0.error = $1 }),
  ]
}

extension String {
  /// For `# error: KIND LINE:COL FRAGMENT`: "KIND LINE:COL" must start the actual text.
  var errorHead: String { split(separator: " ", maxSplits: 2).prefix(2).joined(separator: " ") }
  var errorFragment: String {
    let parts = split(separator: " ", maxSplits: 2)
    return parts.count == 3 ? String(parts[2]) : ""
  }
}
