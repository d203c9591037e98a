import COpenBLAS
import Glibc

/// The engine's only door to OpenBLAS. OpenBLAS is pinned to one thread: the engine splits
/// work over cores itself, so two of its own threads never contend with BLAS's pool.
///
/// The library is opened on the first matrix product, not linked: mapped and relocated it
/// costs every kernel about 2 MiB of resident memory (with libgfortran) and a thread, and many
/// notebooks only look at images and shapes before their first Dense or convolution layer.
enum BLAS {
  /// The entry points, resolved once; Swift runs this initialiser exactly once, even when
  /// several threads ask for it at the same time.
  private static let library = OpenBLASLibrary.load()

  /// `C (m x n) = A (m x k) · B (k x n) + beta · C`, row-major, with leading dimensions.
  static func gemm(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float = 0
  ) {
    guard m > 0, n > 0 else { return }
    if k == 0 {
      for row in 0..<m { for column in 0..<n { c[row * ldc + column] *= beta } }
      return
    }
    if m == 1 {
      // A single row is a matrix-vector product: y (n) = Bᵀ · x. GEMM would pack all of B first.
      library.sgemv(
        CblasRowMajor, CblasTrans, Int32(k), Int32(n), 1, b, Int32(ldb), a, 1, beta, c, 1)
      return
    }
    library.sgemm(
      CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
      1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }

  /// `C (m x n) = Aᵀ · B + beta · C` where A is stored `(k x m)` row-major: a convolution's
  /// kernel matrix used as is, without a transposed copy, or a weight gradient `Xᵀ · dY`
  /// summed over chunks of rows (`beta` 1).
  static func gemmTransposedA(
    m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float = 0
  ) {
    transposed(CblasTrans, CblasNoTrans, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, beta: beta)
  }

  /// `C (m x n) = A · Bᵀ + beta · C` where B is stored `(n x k)` row-major: a gradient
  /// carried back through weights, `dY · Wᵀ`, without a transposed copy of W.
  static func gemmTransposedB(
    m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float = 0
  ) {
    transposed(CblasNoTrans, CblasTrans, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, beta: beta)
  }

  /// The one call behind both transposed forms; an empty reduction only scales C.
  private static func transposed(
    _ transA: CBLAS_TRANSPOSE, _ transB: CBLAS_TRANSPOSE, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float
  ) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      scale(m: m, n: n, c: c, ldc: ldc, beta: beta)
      return
    }
    library.sgemm(
      CblasRowMajor, transA, transB, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }

  /// `C = beta · C`, where `beta` 0 writes zeros whatever C held (it may be uninitialised).
  private static func scale(m: Int, n: Int, c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float) {
    for row in 0..<m { for column in 0..<n { c[row * ldc + column] = beta == 0 ? 0 : c[row * ldc + column] * beta } }
  }
}

/// OpenBLAS opened with `dlopen`. Function pointers never change once resolved, which is what
/// makes sharing them between threads sound.
struct OpenBLASLibrary: @unchecked Sendable {
  let sgemm: cnnlab_sgemm_function
  let sgemv: cnnlab_sgemv_function

  /// Debian's runtime package installs the library under its soname only; the unversioned
  /// name comes with the -dev package and other distributions.
  static let names = ["libopenblas.so.0", "libopenblas.so"]

  static func load() -> OpenBLASLibrary {
    // Read by OpenBLAS's constructor: with one thread it starts no thread pool of its own.
    // Set afterwards, through openblas_set_num_threads, the pool is already there, and its
    // idle thread spins on sched_yield for a while after loading (a tenth of a core in a
    // LeNet-5 benchmark). glibc keeps old environments alive, so this is safe beside threads
    // that read the environment.
    setenv("OPENBLAS_NUM_THREADS", "1", 1)
    var reasons: [String] = []
    for name in names {
      guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
        reasons.append(dlerror().map { String(cString: $0) } ?? name)
        continue
      }
      guard let sgemm = dlsym(handle, "cblas_sgemm"), let sgemv = dlsym(handle, "cblas_sgemv"),
        let threads = dlsym(handle, "openblas_set_num_threads")
      else {
        reasons.append("\(name) lacks cblas_sgemm, cblas_sgemv or openblas_set_num_threads")
        continue
      }
      unsafeBitCast(threads, to: cnnlab_set_num_threads_function.self)(1)
      return OpenBLASLibrary(
        sgemm: unsafeBitCast(sgemm, to: cnnlab_sgemm_function.self),
        sgemv: unsafeBitCast(sgemv, to: cnnlab_sgemv_function.self))
    }
    // Without BLAS no Dense or convolution layer can run; the kernel process cannot go on
    // with a layer half computed, so it stops and says what to install.
    fatalError(
      "CNN Lab needs OpenBLAS for Dense and convolution layers, and it could not be loaded ("
        + reasons.joined(separator: "; ") + "). Install it: apt-get install libopenblas0")
  }
}
