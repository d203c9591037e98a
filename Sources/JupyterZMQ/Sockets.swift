import CZeroMQ
import JupyterKernel
import JupyterProtocol

/// Every socket of the kernel, created and bound on the main thread so that a port already in
/// use fails `run` at once, then handed to the loop (thread) that owns each one.
struct Sockets {
  let shell, control, stdin, iopub, heartbeat: ZMQSocket
  let iopubInbox: ZMQSocket
  let controlToIOPub, executionToIOPub: ZMQSocket

  init(context: ZMQContext, info: ConnectionInfo) throws(ZMQError) {
    shell = try ZMQSocket(context, type: ZMQ_ROUTER)
    control = try ZMQSocket(context, type: ZMQ_ROUTER)
    stdin = try ZMQSocket(context, type: ZMQ_ROUTER)
    iopub = try ZMQSocket(context, type: ZMQ_XPUB)
    heartbeat = try ZMQSocket(context, type: ZMQ_REP)
    for router in [shell, control, stdin] {
      // A client reconnecting with the same identity takes over its old connection.
      router.setOption(ZMQ_ROUTER_HANDOVER, 1)
    }
    // Report every subscription (not only the first per topic), so each client is welcomed;
    // and never drop outputs for a slow subscriber.
    iopub.setOption(ZMQ_XPUB_VERBOSE, 1)
    iopub.setOption(ZMQ_SNDHWM, 0)
    if info.isIPv6 {
      for socket in [shell, control, stdin, iopub, heartbeat] { socket.setOption(ZMQ_IPV6, 1) }
    }
    try shell.bind(info.endpoint(for: .shell))
    try control.bind(info.endpoint(for: .control))
    try stdin.bind(info.endpoint(for: .stdin))
    try iopub.bind(info.endpoint(for: .iopub))
    try heartbeat.bind(info.heartbeatEndpoint)

    iopubInbox = try ZMQSocket(context, type: ZMQ_PULL)
    try iopubInbox.bind(IOPubPublisher.inbox)

    controlToIOPub = try ZMQSocket(context, type: ZMQ_PUSH)
    executionToIOPub = try ZMQSocket(context, type: ZMQ_PUSH)
    try controlToIOPub.connect(IOPubPublisher.inbox)
    try executionToIOPub.connect(IOPubPublisher.inbox)
  }

  func iopubLoop(codec: WireCodec, factory: HeaderFactory, events: EventPipe, log: @escaping KernelLog) -> IOPubPublisher {
    IOPubPublisher(publisher: iopub, inboxSocket: iopubInbox, codec: codec, factory: factory, events: events, log: log)
  }

  func controlLoop(dispatcher: ControlDispatcher, codec: WireCodec, events: EventPipe, log: @escaping KernelLog)
    -> ControlLoop
  {
    ControlLoop(control: control, iopub: controlToIOPub, dispatcher: dispatcher, codec: codec, events: events, log: log)
  }

  func stdinLoop(events: EventPipe, log: @escaping KernelLog) -> StdinLoop {
    StdinLoop(stdin: stdin, events: events, log: log)
  }

  func heartbeatLoop(events: EventPipe, log: @escaping KernelLog) -> HeartbeatLoop {
    HeartbeatLoop(socket: heartbeat, events: events, log: log)
  }

  func executionLoop(dispatcher: Dispatcher, codec: WireCodec, events: EventPipe, log: @escaping KernelLog)
    -> ExecutionLoop
  {
    ExecutionLoop(shell: shell, iopub: executionToIOPub, dispatcher: dispatcher, codec: codec, events: events, log: log)
  }
}
