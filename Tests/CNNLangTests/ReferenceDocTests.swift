import CNNLang
import Foundation
import Testing

/// Keeps docs/language-reference.md in step with the registry: every built-in's signature and
/// every method must appear in it, exactly as help() prints it.
struct ReferenceDocTests {
  static let reference = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/language-reference.md")

  @Test func everyBuiltinIsDocumented() throws {
    let text = try String(contentsOf: ReferenceDocTests.reference, encoding: .utf8)
    let registry = Interpreter().registry
    for builtin in registry.functions.values {
      #expect(text.contains("`\(builtin.signature)`"), "the reference should document \(builtin.signature)")
    }
    for (type, methods) in registry.methods {
      let receiver = ["list": "xs", "dict": "d", "tuple": "t", "tensor": "x", "layer": "layer", "model": "model"][type] ?? "s"
      for method in methods.values {
        #expect(text.contains("`\(receiver).\(method.signature)`"), "the reference should document \(type).\(method.signature)")
      }
    }
    for kind in ErrorKind.allCases {
      #expect(text.contains("| `\(kind.name)` |"), "the reference should explain \(kind.name)")
    }
  }
}
