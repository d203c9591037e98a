#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A dedicated OS thread with a chosen stack size. Socket loops block in libzmq, which would
/// starve Swift concurrency's small cooperative pool, and the execution thread needs a stack
/// far larger than the default 8 MiB for a recursive interpreter.
enum NativeThread {
  private final class Body {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }

  static func spawn(stackSize: Int = 1 << 20, _ body: @escaping @Sendable () -> Void) throws(ThreadError) {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    // Detached: the server learns that a thread ended from its exit notice, not by joining.
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let context = Unmanaged.passRetained(Body(body)).toOpaque()
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t?
    #endif
    let rc = pthread_create(
      &thread, &attributes,
      { raw in
        guard let raw else { return nil }
        let body = Unmanaged<Body>.fromOpaque(raw).takeRetainedValue()
        body.run()
        return nil
      }, context)
    if rc != 0 {
      Unmanaged<Body>.fromOpaque(context).release()
      throw ThreadError(code: rc)
    }
  }
}

/// `pthread_create` failed (usually: not enough memory for the requested stack).
public struct ThreadError: Error, Sendable, Equatable, CustomStringConvertible {
  public var code: Int32
  public var description: String { "cannot start thread: \(String(cString: strerror(code)))" }
}
