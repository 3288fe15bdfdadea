// softmax(q·Kᵀ/√head_dim + mask)·V for every query and head of a Marian graph, as one graph node.
// Built from ggml ops, attention is five nodes, each ending in a barrier of every thread, plus a transposing copy of
// the decoder's cached values at every step (ggml copies a transposed view one 4-byte memcpy call at a time: 9% of
// a greedy decode) and one ggml_vec_dot_f32 call per score (9% more, most of it call overhead on 64 values).
// Here K and V are read where they lie: the decoder's cache, the cross-attention cache, the encoder's projections.
#ifndef DRAGOMAN_ATTENTION_H
#define DRAGOMAN_ATTENTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// Where the head_dim values of one (group, head, position) lie: base + group·group + head·head + position·position
/// (strides in bytes). Keys, and values unless `values_transposed`, hold their head_dim values contiguously;
/// transposed values hold value i of every position contiguously, `element` bytes apart from value i + 1.
typedef struct {
    const float *base;
    size_t group, head, position, element;
} dragoman_attention_operand;

/// Queries are grouped: every query of a group attends over the same keys and values (a sentence's hypotheses,
/// or a sentence's source positions). A query's heads lie side by side (head h at h·head_dim), as do the output's.
typedef struct {
    const float *queries;
    size_t query_stride;          // bytes between queries
    int64_t queries_per_group;
    dragoman_attention_operand keys;
    dragoman_attention_operand values;
    bool values_transposed;
    const float *mask;            // additive, `length` values per query; NULL: none
    size_t mask_stride;           // bytes between queries' mask rows
    float *output;
    size_t output_stride;         // bytes between queries
    int64_t queries_count;
    int64_t heads;
    int64_t head_dim;             // a multiple of 8
    int64_t length;               // positions attended over
} dragoman_attention_problem;

/// Computes the (query, head) pairs that share `part` of `parts`. Only where dragoman_kernels_available().
void dragoman_attention(const dragoman_attention_problem *problem, int part, int parts);

#endif
