// 32 values a step (four 8-lane compares OR-ed), then the exact lane from the mask; a scalar tail.
#include "FirstAbove.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define KERNEL __attribute__((target("avx2")))

KERNEL int64_t dragoman_first_above(const float *values, int64_t count, float threshold) {
    __m256 limit = _mm256_set1_ps(threshold);
    int64_t i = 0;
    for (; i + 32 <= count; i += 32) {
        __m256 a = _mm256_cmp_ps(_mm256_loadu_ps(values + i), limit, _CMP_GT_OQ);
        __m256 b = _mm256_cmp_ps(_mm256_loadu_ps(values + i + 8), limit, _CMP_GT_OQ);
        __m256 c = _mm256_cmp_ps(_mm256_loadu_ps(values + i + 16), limit, _CMP_GT_OQ);
        __m256 d = _mm256_cmp_ps(_mm256_loadu_ps(values + i + 24), limit, _CMP_GT_OQ);
        if (_mm256_movemask_ps(_mm256_or_ps(_mm256_or_ps(a, b), _mm256_or_ps(c, d))) == 0) continue;
        for (int64_t j = i; j < i + 32; j++)
            if (values[j] > threshold) return j;
    }
    for (; i < count; i++)
        if (values[i] > threshold) return i;
    return count;
}

#else

#include <stdlib.h>

int64_t dragoman_first_above(const float *values, int64_t count, float threshold) {
    (void)values, (void)count, (void)threshold;
    abort();
}

#endif
