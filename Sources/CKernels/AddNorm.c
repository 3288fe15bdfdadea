// Add and layer-normalise, column by column (see AddNorm.h for why). The sum is written to the output first, then
// its mean, then its variance around that mean (two passes, as ggml_norm and PyTorch do, not E[x²] − E[x]², which
// cancels badly), then the normalised, scaled and shifted values; the column stays in L1 throughout. Sums run in
// 8 float lanes (ggml_norm's run in double): over a d_model of 512 the difference is float rounding.
#include "AddNorm.h"

#include <math.h>

#if defined(__x86_64__)

#include <immintrin.h>

#include "Lanes.h"

#define KERNEL __attribute__((target("avx2,fma")))

enum { LANES = 8 };

KERNEL void dragoman_add_norm(const dragoman_add_norm_problem *p, int part, int parts) {
    int64_t first = p->columns * part / parts, end = p->columns * (part + 1) / parts;
    int64_t n = p->width;
    for (int64_t c = first; c < end; c++) {
        const float *a = (const float *)((const char *)p->residual + c * p->residual_stride);
        const float *b = (const float *)((const char *)p->sublayer + c * p->sublayer_stride);
        float *y = (float *)((char *)p->output + c * p->output_stride);
        __m256 sum = _mm256_setzero_ps();
        for (int64_t i = 0; i < n; i += LANES) {
            __m256 v = _mm256_add_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i));
            _mm256_storeu_ps(y + i, v);
            sum = _mm256_add_ps(sum, v);
        }
        __m256 mean = _mm256_set1_ps(dragoman_lane_sum(sum) / (float)n);
        __m256 squares = _mm256_setzero_ps();
        for (int64_t i = 0; i < n; i += LANES) {
            __m256 centred = _mm256_sub_ps(_mm256_loadu_ps(y + i), mean);
            squares = _mm256_fmadd_ps(centred, centred, squares);
        }
        __m256 scale = _mm256_set1_ps(1.0f / sqrtf(dragoman_lane_sum(squares) / (float)n + p->epsilon));
        for (int64_t i = 0; i < n; i += LANES) {
            __m256 normalised = _mm256_mul_ps(_mm256_sub_ps(_mm256_loadu_ps(y + i), mean), scale);
            _mm256_storeu_ps(y + i, _mm256_fmadd_ps(normalised, _mm256_loadu_ps(p->weight + i), _mm256_loadu_ps(p->bias + i)));
        }
    }
}

#else  // Not x86-64: dragoman_kernels_available() is false and the graphs keep ggml's ops.

#include <stdlib.h>

void dragoman_add_norm(const dragoman_add_norm_problem *problem, int part, int parts) {
    (void)problem, (void)part, (void)parts;
    abort();
}

#endif
