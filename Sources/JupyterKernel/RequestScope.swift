import JupyterProtocol

/// Everything sent while one request is handled: replies go back on the request's channel
/// with its identities, iopub messages carry its header as parent. Keeping this in one value
/// is what guarantees the "parent_header on every message" rule.
struct RequestScope {
  let request: Message
  let channel: Channel
  let transport: any KernelTransport
  let factory: HeaderFactory

  func publish(_ content: some MessageContent, metadata: RawJSON = .emptyObject, buffers: [[UInt8]] = []) {
    transport.send(
      .broadcast(content, parent: request, factory: factory, metadata: metadata, buffers: buffers), on: .iopub)
  }

  func reply(_ content: some MessageContent, metadata: RawJSON = .emptyObject) {
    transport.send(.answer(to: request, content: content, factory: factory, metadata: metadata), on: channel)
  }

  /// Runs `body` between `busy` and `idle`, so no request can skip either.
  func busy<T>(_ body: () -> T) -> T {
    publish(KernelStatus(.busy))
    defer { publish(KernelStatus(.idle)) }
    return body()
  }
}
