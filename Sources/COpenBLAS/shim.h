#include <cblas.h>

/* The signatures of the entry points the engine resolves with dlsym, taken from the header so
   that they cannot drift from the library's. */
typedef __typeof__(&cblas_sgemm) cnnlab_sgemm_function;
typedef __typeof__(&cblas_sgemv) cnnlab_sgemv_function;
typedef __typeof__(&openblas_set_num_threads) cnnlab_set_num_threads_function;
