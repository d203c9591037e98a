import COpenBLAS

/// The engine's only door to OpenBLAS. OpenBLAS is pinned to one thread: the engine splits
/// work over cores itself, so two of its own threads never contend with BLAS's pool.
enum BLAS {
  private static let singleThreaded: Void = { openblas_set_num_threads(1) }()

  /// `C (m x n) = A (m x k) · B (k x n) + beta · C`, row-major, with leading dimensions.
  static func gemm(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float = 0
  ) {
    _ = singleThreaded
    guard m > 0, n > 0 else { return }
    if k == 0 {
      for row in 0..<m { for column in 0..<n { c[row * ldc + column] *= beta } }
      return
    }
    if m == 1 {
      // A single row is a matrix-vector product: y (n) = Bᵀ · x. GEMM would pack all of B first.
      cblas_sgemv(
        CblasRowMajor, CblasTrans, Int32(k), Int32(n), 1, b, Int32(ldb), a, 1, beta, c, 1)
      return
    }
    cblas_sgemm(
      CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
      1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }

  /// `C (m x n) = Aᵀ · B` where A is stored `(k x m)` row-major: a convolution's kernel
  /// matrix used as is, without a transposed copy.
  static func gemmTransposedA(
    m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    _ = singleThreaded
    guard m > 0, n > 0, k > 0 else { return }
    cblas_sgemm(
      CblasRowMajor, CblasTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
      1, a, Int32(lda), b, Int32(ldb), 0, c, Int32(ldc))
  }
}
