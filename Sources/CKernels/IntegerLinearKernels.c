// int8 × int8 linear layers (see IntegerLinearKernels.h for why). Each thread owns a contiguous range of weight
// rows, quantises a block of input columns that stays in L2 into its own buffer, and walks every group of rows
// against every pair of quantised columns in one register tile of int32 accumulators.
// vpmaddubsw multiplies unsigned by signed bytes, so a row is used as |w| and each column byte takes the row's
// sign (vpsignb): |w|·(x·sgn w) = w·x, and two such products (≤ 2 · 127 · 127) never saturate int16.
#include "IntegerLinearKernels.h"

#include <stdlib.h>

#if defined(__x86_64__)
#include <immintrin.h>

#include "Q8Blocks.h"
#include "Tiling.h"

#define KERNEL __attribute__((target("avx2,fma,f16c")))
#define INLINE_KERNEL static inline __attribute__((always_inline, target("avx2,fma,f16c")))
#define KERNEL_512 __attribute__((target("avx512f,avx512bw,avx512vl,avx512vnni,avx2,fma,f16c")))
#define INLINE_KERNEL_512 \
    static inline __attribute__((always_inline, target("avx512f,avx512bw,avx512vl,avx512vnni,avx2,fma,f16c")))

/// AVX2: 5 × 2 int32 accumulators + 2 columns + a row's magnitude + one product = 14 ymm registers, the constant
/// ones as the 15th; a 6 × 2 tile needs 17 and spills. AVX-512: 8 × 3 accumulators + 3 columns + 1 row of 32 zmm.
enum { TILE_ROWS = 5, TILE_COLUMNS = 2, WIDE_TILE_ROWS = 8, WIDE_TILE_COLUMNS = 3, MAX_TILE_ROWS = 8,
       MAX_TILE_COLUMNS = 3, BYTES = 32, WIDE_BYTES = 64 };

typedef int32_t tile_sums[MAX_TILE_ROWS][MAX_TILE_COLUMNS];
typedef void tile_function(int rm, int rn, const int8_t *w, size_t w_stride, const int8_t *x, size_t x_stride,
                           int64_t inner, tile_sums sums);

INLINE_KERNEL float horizontal_max(__m256 v) {
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_movehdup_ps(m));
    return _mm_cvtss_f32(m);
}

INLINE_KERNEL int32_t horizontal_sum(__m256i v) {
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(1, 0, 3, 2)));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(2, 3, 0, 1)));
    return _mm_cvtsi128_si32(s);
}

/// 32 floats times `factor`, rounded to nearest (even) and saturated to int8, in their own order.
INLINE_KERNEL __m256i quantize_32(const float *x, __m256 factor) {
    __m256i a = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x), factor));
    __m256i b = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + 8), factor));
    __m256i c = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + 16), factor));
    __m256i d = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + 24), factor));
    // The packs work per 128-bit lane, leaving 4-byte groups in the order a0 b0 c0 d0 a1 b1 c1 d1.
    __m256i packed = _mm256_packs_epi16(_mm256_packs_epi32(a, b), _mm256_packs_epi32(c, d));
    return _mm256_permutevar8x32_epi32(packed, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
}

/// Quantises `inner` floats with one symmetric scale, returned; an all-zero input gets scale 0.
KERNEL static float quantize_row(const float *x, int64_t inner, int8_t *q) {
    const __m256 magnitude_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
    __m256 largest = _mm256_setzero_ps();
    for (int64_t p = 0; p < inner; p += 8)
        largest = _mm256_max_ps(largest, _mm256_and_ps(_mm256_loadu_ps(x + p), magnitude_mask));
    float maximum = horizontal_max(largest);
    __m256 factor = _mm256_set1_ps(maximum > 0 ? 127.0f / maximum : 0.0f);
    for (int64_t p = 0; p < inner; p += BYTES) _mm256_storeu_si256((__m256i *)(q + p), quantize_32(x + p, factor));
    return maximum / 127.0f;
}

KERNEL void dragoman_requantize_q8_0_rows(const void *blocks, size_t row_stride, int64_t inner, int64_t rows,
                                          int8_t *values, float *scales, int32_t *sums) {
    float *row = aligned_alloc(32, (size_t)inner * sizeof(float));
    if (row == NULL) abort();  // one row of floats; nothing sensible to do without it
    for (int64_t r = 0; r < rows; r++) {
        dragoman_unpack_q8_0((const q8_0_block *)((const char *)blocks + r * row_stride), row, inner);
        scales[r] = quantize_row(row, inner, values + r * inner);
        int32_t sum = 0;
        for (int64_t i = 0; i < inner; i++) sum += values[r * inner + i];
        sums[r] = sum;
    }
    free(row);
}

/// rm weight rows (`w_stride` bytes apart) against rn quantised columns (`x_stride` apart), over `inner` bytes.
/// Called with constant rm and rn, so the accumulator arrays become registers.
INLINE_KERNEL void tile(int rm, int rn, const int8_t *w, size_t w_stride, const int8_t *x, size_t x_stride,
                        int64_t inner, tile_sums sums) {
    const __m256i ones = _mm256_set1_epi16(1);
    __m256i acc[TILE_ROWS][TILE_COLUMNS];
    for (int i = 0; i < rm; i++)
        for (int j = 0; j < rn; j++) acc[i][j] = _mm256_setzero_si256();
    for (int64_t p = 0; p < inner; p += BYTES) {
        __m256i column[TILE_COLUMNS];
        for (int j = 0; j < rn; j++) column[j] = _mm256_loadu_si256((const __m256i *)(x + j * x_stride + p));
        for (int i = 0; i < rm; i++) {
            __m256i row = _mm256_loadu_si256((const __m256i *)(w + i * w_stride + p));
            __m256i magnitude = _mm256_abs_epi8(row);
            for (int j = 0; j < rn; j++) {
                __m256i pairs = _mm256_maddubs_epi16(magnitude, _mm256_sign_epi8(column[j], row));
                acc[i][j] = _mm256_add_epi32(acc[i][j], _mm256_madd_epi16(pairs, ones));
            }
        }
    }
    for (int i = 0; i < rm; i++)
        for (int j = 0; j < rn; j++) sums[i][j] = horizontal_sum(acc[i][j]);
}

#define TILE_CASE(rm, rn) \
    case (rm) * 8 + (rn): tile(rm, rn, w, w_stride, x, x_stride, inner, sums); break;

KERNEL static void any_tile(int rm, int rn, const int8_t *w, size_t w_stride, const int8_t *x, size_t x_stride,
                            int64_t inner, tile_sums sums) {
    switch (rm * 8 + rn) {
        TILE_CASE(5, 2) TILE_CASE(5, 1) TILE_CASE(4, 2) TILE_CASE(4, 1) TILE_CASE(3, 2) TILE_CASE(3, 1)
        TILE_CASE(2, 2) TILE_CASE(2, 1) TILE_CASE(1, 2) TILE_CASE(1, 1)
        default: break;
    }
}

/// As tile with vpdpbusd, 64 bytes a step; `x` holds biased columns (q + 128 as unsigned bytes), so each sum is
/// Σ w·q + 128 · Σ w. `inner` is a multiple of 32, so a last half step runs on the low 32 bytes.
INLINE_KERNEL_512 void wide_tile(int rm, int rn, const int8_t *w, size_t w_stride, const int8_t *x, size_t x_stride,
                                 int64_t inner, tile_sums sums) {
    __m512i acc[WIDE_TILE_ROWS][WIDE_TILE_COLUMNS];
    for (int i = 0; i < rm; i++)
        for (int j = 0; j < rn; j++) acc[i][j] = _mm512_setzero_si512();
    for (int64_t p = 0; p < inner; p += WIDE_BYTES) {
        __mmask64 bytes = inner - p >= WIDE_BYTES ? ~0ULL : 0xffffffffULL;
        __m512i column[WIDE_TILE_COLUMNS];
        for (int j = 0; j < rn; j++) column[j] = _mm512_maskz_loadu_epi8(bytes, x + j * x_stride + p);
        for (int i = 0; i < rm; i++) {
            __m512i row = _mm512_maskz_loadu_epi8(bytes, w + i * w_stride + p);
            for (int j = 0; j < rn; j++) acc[i][j] = _mm512_dpbusd_epi32(acc[i][j], column[j], row);
        }
    }
    for (int i = 0; i < rm; i++)
        for (int j = 0; j < rn; j++) sums[i][j] = _mm512_reduce_add_epi32(acc[i][j]);
}

#define WIDE_TILE_CASE(rm, rn) \
    case (rm) * 8 + (rn): wide_tile(rm, rn, w, w_stride, x, x_stride, inner, sums); break;

KERNEL_512 static void any_wide_tile(int rm, int rn, const int8_t *w, size_t w_stride, const int8_t *x,
                                     size_t x_stride, int64_t inner, tile_sums sums) {
    switch (rm * 8 + rn) {
        DRAGOMAN_WIDE_TILE_SHAPES(WIDE_TILE_CASE)
        default: break;
    }
}

/// q + 128 as unsigned bytes, in place: flipping the sign bit.
KERNEL static void bias_to_unsigned(int8_t *q, int64_t count) {
    const __m256i sign = _mm256_set1_epi8((char)0x80);
    for (int64_t p = 0; p < count; p += BYTES) {
        __m256i *at = (__m256i *)(q + p);
        _mm256_storeu_si256(at, _mm256_xor_si256(_mm256_loadu_si256(at), sign));
    }
}

KERNEL void dragoman_integer_linear_compute(const dragoman_integer_linear_problem *p, int part, int parts) {
    bool wide = p->isa == DRAGOMAN_ISA_AVX512;
    const int tile_rows = wide ? WIDE_TILE_ROWS : TILE_ROWS, tile_columns = wide ? WIDE_TILE_COLUMNS : TILE_COLUMNS;
    tile_function *any = wide ? any_wide_tile : any_tile;
    int64_t first, end;
    if (!dragoman_row_share(p->rows, tile_rows, part, parts, &first, &end)) return;

    int64_t block = dragoman_block_columns(p->block_bytes, (size_t)p->inner, tile_columns, p->columns);
    // Every thread quantises the same columns: a pass over `inner` per column, against (its rows) multiply-adds
    // per column, so repeating it is cheaper than a barrier between two ggml ops.
    int8_t *quantized = aligned_alloc(32, (size_t)(block * p->inner));
    float *column_scales = malloc((size_t)block * sizeof(float));
    if (quantized == NULL || column_scales == NULL) abort();  // a fraction of L2 per thread
    size_t x_stride = p->input_column_stride / sizeof(float);
    size_t y_stride = p->output_column_stride / sizeof(float);
    size_t w_stride = (size_t)p->inner;

    for (int64_t c0 = 0; c0 < p->columns; c0 += block) {
        int64_t c_end = c0 + block < p->columns ? c0 + block : p->columns;
        for (int64_t c = c0; c < c_end; c++)
            column_scales[c - c0] = quantize_row(p->input + c * x_stride, p->inner, quantized + (c - c0) * p->inner);
        if (wide) bias_to_unsigned(quantized, (c_end - c0) * p->inner);
        for (int64_t r = first; r < end; r += tile_rows) {
            int rm = end - r < tile_rows ? (int)(end - r) : tile_rows;
            const int8_t *w = p->weights + r * w_stride;
            int64_t next_rows = end - (r + tile_rows) < tile_rows ? end - (r + tile_rows) : tile_rows;
            dragoman_prefetch prefetch = dragoman_prefetch_start(
                w + tile_rows * w_stride, next_rows * (int64_t)w_stride, (c_end - c0 + tile_columns - 1) / tile_columns);
            for (int64_t c = c0; c < c_end; c += tile_columns) {
                dragoman_prefetch_step(&prefetch);
                int rn = c_end - c < tile_columns ? (int)(c_end - c) : tile_columns;
                tile_sums sums;
                any(rm, rn, w, w_stride, quantized + (c - c0) * p->inner, (size_t)p->inner, p->inner, sums);
                for (int j = 0; j < rn; j++) {
                    float *y = p->output + (c + j) * y_stride + r;
                    float column_scale = column_scales[c - c0 + j];
                    for (int i = 0; i < rm; i++) {
                        int32_t dot = wide ? sums[i][j] - 128 * p->weight_sums[r + i] : sums[i][j];
                        y[i] = (float)dot * (p->weight_scales[r + i] * column_scale) + (p->bias ? p->bias[r + i] : 0.0f);
                    }
                }
            }
        }
    }
    free(column_scales);
    free(quantized);
}

KERNEL void dragoman_integer_rows(const int8_t *values, const float *scales, int64_t inner, const int32_t *ids,
                                  int64_t count, float *output, size_t output_stride, int part, int parts) {
    int64_t first = count * part / parts, end = count * (part + 1) / parts;
    for (int64_t n = first; n < end; n++) {
        const int8_t *row = values + (int64_t)ids[n] * inner;
        __m256 scale = _mm256_set1_ps(scales[ids[n]]);
        float *y = (float *)((char *)output + n * output_stride);
        for (int64_t i = 0; i < inner; i += 8) {
            __m256 v = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64((const __m128i *)(row + i))));
            _mm256_storeu_ps(y + i, _mm256_mul_ps(v, scale));
        }
    }
}

#else  // Not x86-64: dragoman_kernels_available() is false and nothing packs weights for these kernels.

void dragoman_requantize_q8_0_rows(const void *blocks, size_t row_stride, int64_t inner, int64_t rows,
                                   int8_t *values, float *scales, int32_t *sums) {
    (void)blocks, (void)row_stride, (void)inner, (void)rows, (void)values, (void)scales, (void)sums;
    abort();
}

void dragoman_integer_linear_compute(const dragoman_integer_linear_problem *problem, int part, int parts) {
    (void)problem, (void)part, (void)parts;
    abort();
}

void dragoman_integer_rows(const int8_t *values, const float *scales, int64_t inner, const int32_t *ids,
                           int64_t count, float *output, size_t output_stride, int part, int parts) {
    (void)values, (void)scales, (void)inner, (void)ids, (void)count, (void)output, (void)output_stride;
    (void)part, (void)parts;
    abort();
}

#endif
