// Two passes over the row: the maximum, then Σ exp(x − max) with four 8-lane accumulators. exp(r) for r ≤ 0 is
// 2^n · p(f) with n = round(r / ln 2) and f = r − n·ln 2 ∈ [−ln 2 / 2, ln 2 / 2], ln 2 split in two parts so f is
// exact, p the degree-7 Taylor polynomial of e^f (error below 2^-24 on that interval); inputs below −87 are
// clamped, where e^r < 2^-125 adds nothing to a sum that is at least 1.
#include "LogSumExp.h"

#include <math.h>

#if defined(__x86_64__)
#include <immintrin.h>

#define INLINE_KERNEL static inline __attribute__((always_inline, target("avx2,fma")))

INLINE_KERNEL __m256 exp_nonpositive(__m256 r) {
    r = _mm256_max_ps(r, _mm256_set1_ps(-87.0f));
    __m256 n = _mm256_round_ps(_mm256_mul_ps(r, _mm256_set1_ps(1.44269504088896341f)),
                               _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 f = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693145751953125f), r);  // ln 2, high bits
    f = _mm256_fnmadd_ps(n, _mm256_set1_ps(1.42860682e-6f), f);     // ln 2, the rest
    __m256 p = _mm256_set1_ps(1.0f / 5040);
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.0f / 720));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.0f / 120));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.0f / 24));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.0f / 6));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(0.5f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.0f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.0f));
    __m256i exponent = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(exponent));
}

__attribute__((target("avx2,fma"))) float dragoman_log_sum_exp(const float *x, int64_t count) {
    if (count <= 0) return -INFINITY;
    int64_t i = 0;
    float maximum = x[0];
    if (count >= 8) {
        __m256 m = _mm256_loadu_ps(x);
        for (i = 8; i + 8 <= count; i += 8) m = _mm256_max_ps(m, _mm256_loadu_ps(x + i));
        __m128 h = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
        h = _mm_max_ps(h, _mm_movehl_ps(h, h));
        h = _mm_max_ss(h, _mm_movehdup_ps(h));
        maximum = _mm_cvtss_f32(h);
    }
    for (; i < count; i++) maximum = x[i] > maximum ? x[i] : maximum;
    if (!isfinite(maximum)) return maximum;  // all -inf (fully masked) or a NaN: nothing sensible to add

    __m256 shift = _mm256_set1_ps(maximum);
    __m256 sums[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
    for (i = 0; i + 32 <= count; i += 32)
        for (int k = 0; k < 4; k++)
            sums[k] = _mm256_add_ps(sums[k], exp_nonpositive(_mm256_sub_ps(_mm256_loadu_ps(x + i + 8 * k), shift)));
    __m256 total = _mm256_add_ps(_mm256_add_ps(sums[0], sums[1]), _mm256_add_ps(sums[2], sums[3]));
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(total), _mm256_extractf128_ps(total, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    h = _mm_add_ss(h, _mm_movehdup_ps(h));
    float sum = _mm_cvtss_f32(h);
    for (; i < count; i++) sum += expf(x[i] - maximum);
    return maximum + logf(sum);
}

#else

float dragoman_log_sum_exp(const float *x, int64_t count) {
    (void)x, (void)count;
    __builtin_trap();  // callers check dragoman_kernels_available() first
}

#endif
