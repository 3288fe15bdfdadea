// Attention per (query, head) pair (see Attention.h for why): length dot products of head_dim, a softmax, then
// the weighted sum of values, as head_dim-wide multiply-adds per position or, for transposed values, as one dot
// product over positions per output value. Scores are scaled after the dot product, where Hugging Face scales q
// before it: equal up to float rounding. A fully masked row gives NaN, as ggml's soft_max does.
#include "Attention.h"

#include <math.h>
#include <stdlib.h>

#if defined(__x86_64__)
#include <immintrin.h>

#include "Lanes.h"

#define KERNEL __attribute__((target("avx2,fma")))
#define INLINE_KERNEL static inline __attribute__((always_inline, target("avx2,fma")))

enum { LANES = 8, STACK_SCORES = 1024 };

/// Σ a·b over n values, n a multiple of 8.
INLINE_KERNEL float dot_lanes(const float *a, const float *b, int64_t n) {
    __m256 sum = _mm256_setzero_ps();
    for (int64_t i = 0; i < n; i += LANES) sum = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), sum);
    return dragoman_lane_sum(sum);
}

/// Σ a·b over any n.
INLINE_KERNEL float dot_any(const float *a, const float *b, int64_t n) {
    int64_t whole = n - n % LANES;
    float sum = whole > 0 ? dot_lanes(a, b, whole) : 0.0f;
    for (int64_t i = whole; i < n; i++) sum += a[i] * b[i];
    return sum;
}

INLINE_KERNEL const float *at(const dragoman_attention_operand *o, int64_t group, int64_t head, int64_t position) {
    return (const float *)((const char *)o->base + group * o->group + head * o->head + position * o->position);
}

KERNEL static void attend_one(const dragoman_attention_problem *p, int64_t query, int64_t head, float *scores) {
    int64_t group = query / p->queries_per_group;
    const float *q = (const float *)((const char *)p->queries + query * p->query_stride) + head * p->head_dim;
    const float *mask = p->mask ? (const float *)((const char *)p->mask + query * p->mask_stride) : NULL;
    float scale = 1.0f / sqrtf((float)p->head_dim);
    float largest = -INFINITY;
    for (int64_t t = 0; t < p->length; t++) {
        float score = scale * dot_lanes(q, at(&p->keys, group, head, t), p->head_dim);
        if (mask) score += mask[t];
        scores[t] = score;
        if (score > largest) largest = score;
    }
    float total = 0;
    for (int64_t t = 0; t < p->length; t++) total += scores[t] = expf(scores[t] - largest);
    float inverse = 1.0f / total;

    float *out = (float *)((char *)p->output + query * p->output_stride) + head * p->head_dim;
    if (p->values_transposed) {
        const float *v = at(&p->values, group, head, 0);
        for (int64_t i = 0; i < p->head_dim; i++)
            out[i] = inverse * dot_any(scores, (const float *)((const char *)v + i * p->values.element), p->length);
        return;
    }
    for (int64_t i = 0; i < p->head_dim; i += LANES) {
        __m256 sum = _mm256_setzero_ps();
        for (int64_t t = 0; t < p->length; t++)
            sum = _mm256_fmadd_ps(_mm256_set1_ps(scores[t]), _mm256_loadu_ps(at(&p->values, group, head, t) + i), sum);
        _mm256_storeu_ps(out + i, _mm256_mul_ps(sum, _mm256_set1_ps(inverse)));
    }
}

KERNEL void dragoman_attention(const dragoman_attention_problem *p, int part, int parts) {
    int64_t pairs = p->queries_count * p->heads;
    int64_t first = pairs * part / parts, end = pairs * (part + 1) / parts;
    if (first >= end) return;
    float stack_scores[STACK_SCORES];
    float *scores = p->length <= STACK_SCORES ? stack_scores : malloc((size_t)p->length * sizeof(float));
    if (scores == NULL) abort();  // only past 1,024 positions, a few KiB
    for (int64_t pair = first; pair < end; pair++) attend_one(p, pair / p->heads, pair % p->heads, scores);
    if (scores != stack_scores) free(scores);
}

#else  // Not x86-64: dragoman_kernels_available() is false and the graphs keep ggml's attention.

void dragoman_attention(const dragoman_attention_problem *problem, int part, int parts) {
    (void)problem, (void)part, (void)parts;
    abort();
}

#endif
