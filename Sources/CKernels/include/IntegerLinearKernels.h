// y = W·x + b with int8 × int8 dot products, for Q8_0 models on AVX2 without VNNI.
// Unpacking Q8_0 to f32 (LinearKernels.h) saves memory but no arithmetic. Here each weight row is re-quantised once,
// at load, to one scale per row, and each input column to one scale per column when the layer runs, so a whole
// row·column dot product accumulates in int32 and is scaled once at the end (as CTranslate2's int8 GEMM does).
// Per 32 products that is vpsignb, vpmaddubsw, vpmaddwd and vpaddd: two multiply µops against f32's four FMAs.
// With AVX-512 VNNI, one vpdpbusd does 64: the columns are biased to unsigned (q + 128) and 128 · Σ w of each row,
// kept beside its scale, is taken off the sum.
#ifndef DRAGOMAN_INTEGER_LINEAR_KERNELS_H
#define DRAGOMAN_INTEGER_LINEAR_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#include "CPUFeatures.h"

/// Re-quantises `rows` rows of ggml Q8_0 blocks (`row_stride` bytes apart, `inner` values each, a multiple of 32)
/// to `values` (rows × inner, row-major) with w ≈ scales[r] · values[r][i] and |values| ≤ 127; sums[r] = Σ values[r].
void dragoman_requantize_q8_0_rows(const void *blocks, size_t row_stride, int64_t inner, int64_t rows,
                                   int8_t *values, float *scales, int32_t *sums);

/// One linear layer over a batch of columns; y[c][r] = bias[r] + Σ W[r][i]·x[c][i]. Strides are in bytes.
typedef struct {
    const int8_t *weights;        // rows × inner, from dragoman_requantize_q8_0_rows
    const float *weight_scales;   // rows
    const int32_t *weight_sums;   // rows
    const float *input;
    size_t input_column_stride;
    const float *bias;            // NULL: no bias
    float *output;
    size_t output_column_stride;
    int64_t inner;                // a multiple of 32
    int64_t rows;
    int64_t columns;
    dragoman_isa isa;
    size_t block_bytes;           // input a column block may hold (dragoman_column_block_bytes)
} dragoman_integer_linear_problem;

/// Computes the rows that share `part` of `parts` (ggml's ith / nth); every thread calls it with its own part.
/// Only where dragoman_kernels_available().
void dragoman_integer_linear_compute(const dragoman_integer_linear_problem *problem, int part, int parts);

/// Rows `ids[0..<count]` of re-quantised weights as floats (scales[id] · values[id]), into columns of `output`
/// (`output_stride` bytes apart): an embedding lookup from the same copy the output projection uses, so a tied
/// Q8_0 embedding is never read from the file again. Rows are split by `part` of `parts`.
void dragoman_integer_rows(const int8_t *values, const float *scales, int64_t inner, const int32_t *ids,
                           int64_t count, float *output, size_t output_stride, int part, int parts);

#endif
