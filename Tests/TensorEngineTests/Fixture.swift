import Foundation
import TensorEngine

/// One reference case written by `scripts/make_reference.py` (numpy).
struct Fixture: Decodable, CustomStringConvertible, Sendable {
  struct Stored: Decodable, Sendable {
    var shape: [Int]
    var values: [Float]
    var tensor: Tensor { Tensor(shape: shape, values: values) }
  }

  var name: String
  var op: String
  var inputs: [String: Stored]
  var params: [String: Parameter]
  var expected: Stored

  var description: String { name }

  func input(_ key: String) throws -> Tensor {
    guard let stored = inputs[key] else { throw FixtureError.missing("\(name): input \(key)") }
    return stored.tensor
  }

  func parameter(_ key: String) throws -> Parameter {
    guard let value = params[key] else { throw FixtureError.missing("\(name): parameter \(key)") }
    return value
  }

  /// Loads every case of `Fixtures/<file>.json`.
  static func load(_ file: String) throws -> [Fixture] {
    guard let url = Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Fixtures") else {
      throw FixtureError.missing("Fixtures/\(file).json")
    }
    struct File: Decodable { var cases: [Fixture] }
    return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
  }
}

enum FixtureError: Error { case missing(String), malformed(String) }

/// A parameter as the fixture script writes it: a number, a string, null, or a list.
enum Parameter: Decodable, Sendable {
  case number(Double)
  case string(String)
  case list([Parameter])
  case null

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let string = try? container.decode(String.self) {
      self = .string(string)
    } else {
      self = .list(try container.decode([Parameter].self))
    }
  }

  var int: Int? {
    if case .number(let value) = self { return Int(value) }
    return nil
  }

  var ints: [Int]? {
    if case .list(let items) = self { return items.compactMap(\.int) }
    return nil
  }

  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// `"valid"`, `"same"` or a number of cells.
  var padding: Padding? {
    switch self {
    case .string("valid"): return .valid
    case .string("same"): return .same
    case .number(let cells): return .symmetric(Int(cells))
    default: return nil
    }
  }
}

/// The value, or a thrown error naming what was missing from a fixture.
func unwrap<T>(_ value: T?, _ label: String = "fixture value") throws -> T {
  guard let value else { throw FixtureError.missing(label) }
  return value
}
