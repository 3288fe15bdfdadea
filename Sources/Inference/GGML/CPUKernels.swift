// Whether CKernels' AVX2 code runs on this CPU, asked once. Where it does not, Marian uses ggml's mul_mat and
// Swift's scalar log-sum-exp: the same results to float rounding, only slower.
import CKernels
import Foundation

enum CPUKernels {
    static let available = dragoman_kernels_available()
    /// AVX-512 (with VNNI) where the CPU has it; the linear kernels then run 16 lanes wide. `DRAGOMAN_CPU_ISA=avx2`
    /// holds them to AVX2, so a benchmark on this CPU can stand in for one without AVX-512.
    static let isa = ProcessInfo.processInfo.environment["DRAGOMAN_CPU_ISA"] == "avx2" ? DRAGOMAN_ISA_AVX2 : dragoman_best_isa()
    static let columnBlockBytes = dragoman_column_block_bytes()
}
