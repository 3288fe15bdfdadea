// Whether CKernels' AVX2 code runs on this CPU, asked once. Where it does not, Marian uses ggml's mul_mat and
// Swift's scalar log-sum-exp: the same results to float rounding, only slower.
import CKernels

enum CPUKernels {
    static let available = dragoman_kernels_available()
    /// AVX-512 (with VNNI) where the CPU has it; the linear kernels then run 16 lanes wide.
    static let isa = dragoman_best_isa()
    static let columnBlockBytes = dragoman_column_block_bytes()
}
