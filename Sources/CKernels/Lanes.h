// Private to CKernels' .c files: the one 8-lane reduction they all end their loops with. x86-64 only; a static
// inline with its own target attribute, so each kernel's own target attributes decide where it is inlined.
#ifndef DRAGOMAN_LANES_H
#define DRAGOMAN_LANES_H

#if defined(__x86_64__)
#include <immintrin.h>

/// The sum of a ymm register's 8 floats.
static inline __attribute__((always_inline, target("avx2"))) float dragoman_lane_sum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

#endif
#endif
