// y = W·x + b for the Marian runner's linear layers, as a register-tiled GEMM for AVX2 + FMA.
// ggml's CPU mul_mat (in the libggml-python wheel, built without llamafile's sgemm) computes one dot product
// at a time: two loads per FMA. These kernels keep a 6 × 2 tile of dot products in registers (8 loads per
// 12 FMAs; with AVX-512, 8 × 3 in zmm registers, 11 loads per 24 FMAs), so the FMA units are the limit. The Swift side runs them as a ggml custom op.
// No ggml types here on purpose: the Swift wrapper reads the tensors and hands over plain pointers and strides.
#ifndef DRAGOMAN_LINEAR_KERNELS_H
#define DRAGOMAN_LINEAR_KERNELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "CPUFeatures.h"

/// How a weight row is stored: ggml's F32, F16 (IEEE half) or Q8_0 (blocks of 32 int8 with one half scale).
typedef enum {
    DRAGOMAN_WEIGHTS_F32 = 0,
    DRAGOMAN_WEIGHTS_F16 = 1,
    DRAGOMAN_WEIGHTS_Q8_0 = 2,
} dragoman_weight_format;

/// One linear layer over a batch of columns. Row r of W and column c of x each hold `inner` values;
/// y[c][r] = bias[r] + Σ W[r][i]·x[c][i]. Strides are in bytes, so ggml views can be passed as they are.
typedef struct {
    dragoman_weight_format format;
    const void *weights;
    size_t weight_row_stride;
    const float *input;
    size_t input_column_stride;
    const float *bias;  // NULL: no bias
    float *output;
    size_t output_column_stride;
    int64_t inner;      // a multiple of 8 (of 32 for Q8_0)
    int64_t rows;
    int64_t columns;
    dragoman_isa isa;
    size_t block_bytes;           // input a column block may hold (dragoman_column_block_bytes)
} dragoman_linear_problem;

/// Computes the rows that share `part` of `parts` (ggml's ith / nth); every thread calls it with its own part.
/// Only where dragoman_kernels_available().
void dragoman_linear_compute(const dragoman_linear_problem *problem, int part, int parts);

#endif
