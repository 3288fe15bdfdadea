// One decoder step's self-attention read straight from the KV cache: for every hypothesis and head,
// softmax(q·Kᵀ/√head_dim)·V over the cached positions. Built from ggml ops, the same step needs Vᵀ made contiguous
// (ggml copies a transposed view one 4-byte memcpy call at a time: 9% of a greedy decode, measured) and five
// graph nodes, each ending in a barrier of every thread; here it is one node that reads the cache where it lies.
#ifndef DRAGOMAN_CACHED_ATTENTION_H
#define DRAGOMAN_CACHED_ATTENTION_H

#include <stddef.h>
#include <stdint.h>

/// The cache is [d_model, capacity, hypotheses] (a position's keys are d_model floats, heads side by side);
/// queries and output are [d_model, hypotheses]. Strides are in bytes.
typedef struct {
    const float *queries;
    size_t query_stride;          // between hypotheses
    const float *keys;
    const float *values;
    size_t position_stride;       // between cached positions
    size_t hypothesis_stride;     // between hypotheses' slabs
    float *output;
    size_t output_stride;         // between hypotheses
    int64_t heads;
    int64_t head_dim;             // a multiple of 8
    int64_t length;               // cached positions to attend over, this step's included
    int64_t hypotheses;
} dragoman_cached_attention_problem;

/// Computes the (hypothesis, head) pairs that share `part` of `parts`. Only where dragoman_kernels_available().
void dragoman_cached_attention(const dragoman_cached_attention_problem *problem, int part, int parts);

#endif
