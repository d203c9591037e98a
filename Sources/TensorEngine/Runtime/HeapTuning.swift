import CMalloc

/// How malloc keeps the memory that tensors free. By default glibc serves blocks above a
/// threshold it adapts (128 KiB at first) with fresh `mmap`s, and hands the top of its heap
/// back to the system once more than twice that is free. A training step frees and asks
/// again for the same few megabytes of activations and gradients every step, so each step
/// page-faulted them in anew and zeroed them: about a fifth of LeNet-5's step on one
/// thread (`docs/benchmarks.md`). Holding freed memory makes the next step's tensors reuse
/// pages already mapped.
///
/// What is held is free memory, not in use: `MemoryBudget` counts malloc's bytes in use,
/// so the budget is unchanged. A kernel gives it back between cells (`releaseFreedMemory`),
/// so an idle kernel stays small.
public enum HeapTuning {
  /// Blocks up to this size come from malloc's heaps rather than their own `mmap` (glibc's
  /// ceiling for the setting).
  public static let mappedThreshold: Int32 = 32 << 20
  /// Free memory a heap keeps at its top before giving it back: many steps' worth of a small
  /// network's tensors, while a cell that frees hundreds of megabytes (a classroom
  /// container may have 1 GiB) keeps at most this much per heap until the cell ends.
  public static let trimThreshold: Int32 = 64 << 20

  /// Sets both thresholds for the whole process (idempotent; call at start).
  public static func holdFreedMemory() {
    _ = mallopt(M_MMAP_THRESHOLD, mappedThreshold)
    _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
  }

  /// Gives the free memory of every heap back to the system, as after a cell.
  public static func releaseFreedMemory() {
    _ = malloc_trim(0)
  }
}
