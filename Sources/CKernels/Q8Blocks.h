// Private to the two linear kernels: ggml's Q8_0 weight format, and its one unpacking to floats (the f32 kernel's
// panels and the int8 kernel's re-quantisation both start from it). x86-64 only.
#ifndef DRAGOMAN_Q8_BLOCKS_H
#define DRAGOMAN_Q8_BLOCKS_H

#if defined(__x86_64__)
#include <stdint.h>
#include <immintrin.h>

enum { Q8_BLOCK = 32 };

/// ggml's block_q8_0: one half-precision scale, then 32 signed bytes (34 bytes, no padding).
typedef struct {
    uint16_t scale;
    int8_t values[Q8_BLOCK];
} q8_0_block;

/// `inner` values (a multiple of 32) of Q8_0 blocks as floats, scale · value, as ggml's own dequantisation does.
static inline __attribute__((always_inline, target("avx2,f16c")))
void dragoman_unpack_q8_0(const q8_0_block *blocks, float *values, int64_t inner) {
    for (int64_t b = 0; b < inner / Q8_BLOCK; b++) {
        __m256 scale = _mm256_set1_ps(_cvtsh_ss(blocks[b].scale));
        for (int g = 0; g < Q8_BLOCK / 8; g++) {
            __m128i bytes = _mm_loadl_epi64((const __m128i *)(blocks[b].values + g * 8));
            __m256 unpacked = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(bytes));
            _mm256_storeu_ps(values + b * Q8_BLOCK + g * 8, _mm256_mul_ps(unpacked, scale));
        }
    }
}

#endif
#endif
