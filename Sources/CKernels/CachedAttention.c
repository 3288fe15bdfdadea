// Self-attention over the KV cache (see CachedAttention.h for why). Work is split by (hypothesis, head) pair; each
// pair is length dot products of head_dim, a softmax and length multiply-adds of head_dim. The scores are scaled
// after the dot product, where Hugging Face scales q before it: equal up to float rounding.
#include "CachedAttention.h"

#include <math.h>
#include <stdlib.h>

#if defined(__x86_64__)
#include <immintrin.h>

#define KERNEL __attribute__((target("avx2,fma")))

enum { LANES = 8, STACK_SCORES = 1024 };

KERNEL static float dot(const float *a, const float *b, int64_t n) {
    __m256 sum = _mm256_setzero_ps();
    for (int64_t i = 0; i < n; i += LANES) sum = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), sum);
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(sum), _mm256_extractf128_ps(sum, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

KERNEL static void attend_one(const dragoman_cached_attention_problem *p, int64_t hyp, int64_t head, float *scores) {
    const char *q = (const char *)p->queries + hyp * p->query_stride;
    const char *k = (const char *)p->keys + hyp * p->hypothesis_stride;
    const char *v = (const char *)p->values + hyp * p->hypothesis_stride;
    size_t offset = (size_t)(head * p->head_dim) * sizeof(float);
    float scale = 1.0f / sqrtf((float)p->head_dim);
    float largest = -INFINITY;
    for (int64_t t = 0; t < p->length; t++) {
        scores[t] = scale * dot((const float *)(q + offset), (const float *)(k + t * p->position_stride + offset),
                                p->head_dim);
        if (scores[t] > largest) largest = scores[t];
    }
    float total = 0;
    for (int64_t t = 0; t < p->length; t++) total += scores[t] = expf(scores[t] - largest);

    float *out = (float *)((char *)p->output + hyp * p->output_stride + offset);
    for (int64_t i = 0; i < p->head_dim; i += LANES) {
        __m256 sum = _mm256_setzero_ps();
        for (int64_t t = 0; t < p->length; t++) {
            const float *row = (const float *)(v + t * p->position_stride + offset);
            sum = _mm256_fmadd_ps(_mm256_set1_ps(scores[t]), _mm256_loadu_ps(row + i), sum);
        }
        _mm256_storeu_ps(out + i, _mm256_mul_ps(sum, _mm256_set1_ps(1.0f / total)));
    }
}

KERNEL void dragoman_cached_attention(const dragoman_cached_attention_problem *p, int part, int parts) {
    int64_t pairs = p->hypotheses * p->heads;
    int64_t first = pairs * part / parts, end = pairs * (part + 1) / parts;
    float stack_scores[STACK_SCORES];
    float *scores = p->length <= STACK_SCORES ? stack_scores : malloc((size_t)p->length * sizeof(float));
    if (scores == NULL) abort();  // only past 1,024 positions, a few KiB
    for (int64_t pair = first; pair < end; pair++) attend_one(p, pair / p->heads, pair % p->heads, scores);
    if (scores != stack_scores) free(scores);
}

#else  // Not x86-64: dragoman_kernels_available() is false and the decoder keeps ggml's attention.

void dragoman_cached_attention(const dragoman_cached_attention_problem *problem, int part, int parts) {
    (void)problem, (void)part, (void)parts;
    abort();
}

#endif
