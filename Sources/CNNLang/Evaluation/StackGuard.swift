#if canImport(Glibc)
  import Glibc

  // glibc has it, but the Glibc module hides it behind _GNU_SOURCE.
  @_silgen_name("pthread_getattr_np")
  private func pthread_getattr_np(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif

/// Measures how much of the current thread's stack is left, so that deep recursion in user
/// code ends with a ValueError instead of a crash whatever stack size the host's thread has.
enum StackGuard {
  /// Room kept free for built-ins and for unwinding the error.
  static let reserve: UInt = 512 * 1024

  /// The lowest usable address of the calling thread's stack, or nil where it is unknown.
  static func currentThreadLimit() -> UInt? {
    #if canImport(Glibc)
      var attributes = pthread_attr_t()
      guard pthread_getattr_np(pthread_self(), &attributes) == 0 else { return nil }
      defer { pthread_attr_destroy(&attributes) }
      var base: UnsafeMutableRawPointer?
      var size = 0
      guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return nil }
      return UInt(bitPattern: base) + reserve
    #else
      return nil
    #endif
  }

  /// An address in the caller's frame: the stack grows down, so smaller means deeper.
  @inline(never)
  static func currentDepthMarker() -> UInt {
    var marker = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
  }
}
