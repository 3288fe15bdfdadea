// Marian's post-layer-norm, LayerNorm(residual + sublayer) · weight + bias, as one pass per column. From ggml ops
// it is four graph nodes (add, norm, mul, add), each a full pass over the hidden states and each ending in a
// barrier of every thread; a decoder step has three of them per layer.
#ifndef DRAGOMAN_ADD_NORM_H
#define DRAGOMAN_ADD_NORM_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    const float *residual;
    size_t residual_stride;   // bytes between columns
    const float *sublayer;
    size_t sublayer_stride;
    const float *weight;      // [width]
    const float *bias;        // [width]
    float *output;
    size_t output_stride;
    int64_t width;            // values per column (d_model), a multiple of 8
    int64_t columns;
    float epsilon;
} dragoman_add_norm_problem;

/// Normalises the columns that share `part` of `parts`. Only where dragoman_kernels_available().
void dragoman_add_norm(const dragoman_add_norm_problem *problem, int part, int parts);

#endif
