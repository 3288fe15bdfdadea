// Whether this CPU runs Dragoman's kernels: they are compiled for AVX2, FMA and F16C (target attributes, so
// the rest of the binary stays baseline x86-64). Without them the Swift side keeps ggml's and Swift's own code.
// Where the CPU also has AVX-512 (F, BW, VL and VNNI), the linear kernels have a 16-lane variant: twice the
// multiply-adds per instruction, and for int8 one vpdpbusd in place of three AVX2 instructions.
#ifndef DRAGOMAN_CPU_FEATURES_H
#define DRAGOMAN_CPU_FEATURES_H

#include <stdbool.h>
#include <stddef.h>

/// The instruction set a kernel call uses; callers pass the best one, tests may pass a lesser one.
typedef enum {
    DRAGOMAN_ISA_AVX2 = 0,
    DRAGOMAN_ISA_AVX512 = 1,
} dragoman_isa;

bool dragoman_kernels_available(void);

/// AVX-512 where the CPU and the OS (zmm state saved) allow it, else AVX2. Only where dragoman_kernels_available().
dragoman_isa dragoman_best_isa(void);

/// How much input (bytes) the linear kernels keep in L2 while they stream weight rows past it: 3/8 of this CPU's L2
/// (192 KiB on a 512 KiB L2, 384 KiB on 1 MiB), so 128 beam hypotheses of d_model 512 take one pass over the
/// weights, not two. 192 KiB where the size is unknown.
size_t dragoman_column_block_bytes(void);

#endif
