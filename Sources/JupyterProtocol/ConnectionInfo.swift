/// The connection file a kernel is started with (spec: "Connection files"): where to bind each
/// socket and how to sign. Extra keys (`kernel_name`, curve keys) are tolerated and ignored.
public struct ConnectionInfo: Sendable, Equatable, Codable {
  public var transport: String
  public var ip: String
  public var shellPort: Int
  public var controlPort: Int
  public var stdinPort: Int
  public var iopubPort: Int
  public var hbPort: Int
  public var key: String
  public var signatureScheme: String

  enum CodingKeys: String, CodingKey {
    case transport, ip, key
    case shellPort = "shell_port"
    case controlPort = "control_port"
    case stdinPort = "stdin_port"
    case iopubPort = "iopub_port"
    case hbPort = "hb_port"
    case signatureScheme = "signature_scheme"
  }

  public init(
    transport: String = "tcp", ip: String = "127.0.0.1", shellPort: Int, controlPort: Int, stdinPort: Int,
    iopubPort: Int, hbPort: Int, key: String, signatureScheme: String = "hmac-sha256"
  ) {
    self.transport = transport
    self.ip = ip
    self.shellPort = shellPort
    self.controlPort = controlPort
    self.stdinPort = stdinPort
    self.iopubPort = iopubPort
    self.hbPort = hbPort
    self.key = key
    self.signatureScheme = signatureScheme
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    transport = try c.decodeIfPresent(String.self, forKey: .transport) ?? "tcp"
    ip = try c.decodeIfPresent(String.self, forKey: .ip) ?? "127.0.0.1"
    shellPort = try c.decode(Int.self, forKey: .shellPort)
    controlPort = try c.decode(Int.self, forKey: .controlPort)
    stdinPort = try c.decode(Int.self, forKey: .stdinPort)
    iopubPort = try c.decode(Int.self, forKey: .iopubPort)
    hbPort = try c.decode(Int.self, forKey: .hbPort)
    key = try c.decodeIfPresent(String.self, forKey: .key) ?? ""
    signatureScheme = try c.decodeIfPresent(String.self, forKey: .signatureScheme) ?? "hmac-sha256"
  }

  /// Parses a connection file's bytes and checks the signature scheme.
  public static func parse(_ bytes: [UInt8]) throws(ConnectionError) -> ConnectionInfo {
    let info: ConnectionInfo
    do {
      info = try ContentCoder.decode(ConnectionInfo.self, from: RawJSON(bytes))
    } catch {
      throw .unreadable(error)
    }
    guard info.key.isEmpty || info.signatureScheme == "hmac-sha256" else {
      throw .unsupportedSignatureScheme(info.signatureScheme)
    }
    guard info.transport == "tcp" || info.transport == "ipc" else { throw .unsupportedTransport(info.transport) }
    return info
  }

  public var signer: MessageSigner { MessageSigner(key: key) }

  public var heartbeatEndpoint: String { endpoint(port: hbPort) }

  /// The ZeroMQ address to bind for `channel`: `tcp://ip:port`, or `ipc://ip-port` where
  /// `ip` is a path prefix (as `jupyter_client` writes them).
  public func endpoint(for channel: Channel) -> String {
    switch channel {
    case .shell: endpoint(port: shellPort)
    case .control: endpoint(port: controlPort)
    case .stdin: endpoint(port: stdinPort)
    case .iopub: endpoint(port: iopubPort)
    }
  }

  /// True when `ip` is an IPv6 address, which ZeroMQ must be told about (`ZMQ_IPV6`).
  public var isIPv6: Bool { transport == "tcp" && ip.contains(":") }

  private func endpoint(port: Int) -> String {
    if transport == "ipc" { return "ipc://\(ip)-\(port)" }
    return isIPv6 ? "tcp://[\(ip)]:\(port)" : "tcp://\(ip):\(port)"
  }
}

/// Why a connection file cannot be used.
public enum ConnectionError: Error, Sendable, Equatable, CustomStringConvertible {
  case unreadable(ContentError)
  case unsupportedSignatureScheme(String)
  case unsupportedTransport(String)

  public var description: String {
    switch self {
    case .unreadable(let error): "connection file: \(error)"
    case .unsupportedSignatureScheme(let s): "connection file: unsupported signature_scheme '\(s)' (only hmac-sha256)"
    case .unsupportedTransport(let t): "connection file: unsupported transport '\(t)'"
    }
  }
}
