// Register-tiled y = W·x + b (see LinearKernels.h for why). Layout: each thread owns a contiguous range of
// weight rows; columns are walked in blocks that stay in L2 (3/8 of it, CPUFeatures.h), and inside a block every
// group of 6 weight rows meets every pair of columns in one 6 × 2 tile held in 12 ymm accumulators.
// F16 and Q8_0 rows are first unpacked to f32 in a small per-thread panel, so the tile itself is always f32 and
// the conversion is paid once per row group and column block, not once per FMA. Summation order differs from
// ggml's vec_dot (8 lanes, then a horizontal sum), so results agree with it to float rounding, not bit for bit.
#include "LinearKernels.h"

#include <stdlib.h>

#if defined(__x86_64__)
#include <immintrin.h>

#include "Lanes.h"
#include "Q8Blocks.h"
#include "Tiling.h"

#define KERNEL __attribute__((target("avx2,fma,f16c")))
#define INLINE_KERNEL static inline __attribute__((always_inline, target("avx2,fma,f16c")))

#define KERNEL_512 __attribute__((target("avx512f,avx512bw,avx512vl,fma,f16c")))
#define INLINE_KERNEL_512 static inline __attribute__((always_inline, target("avx512f,avx512bw,avx512vl,fma,f16c")))

/// AVX2: 6 × 2 accumulators + 2 columns + 1 row = 15 of the 16 ymm registers. A 4 × 3 tile needs all 16 plus one,
/// and clang then spills an accumulator to the stack every iteration (measured: half the kernel's time on that
/// store). AVX-512: 8 × 3 + 3 + 1 = 28 of the 32 zmm registers.
enum { TILE_ROWS = 6, TILE_COLUMNS = 2, WIDE_TILE_ROWS = 8, WIDE_TILE_COLUMNS = 3, MAX_TILE_ROWS = 8,
       MAX_TILE_COLUMNS = 3, LANES = 8, WIDE_LANES = 16 };

/// A tile's sums, row by row; any_tile and any_wide_tile fill rm × rn of them.
typedef float tile_sums[MAX_TILE_ROWS][MAX_TILE_COLUMNS];
typedef void tile_function(int rm, int rn, const float *w, size_t w_stride, const float *x, size_t x_stride,
                           int64_t inner, tile_sums sums);

/// rm weight rows (stride `w_stride` floats) against rn input columns (stride `x_stride`), over `inner` values.
/// Called with constant rm and rn, so the accumulator arrays become registers.
INLINE_KERNEL void tile(int rm, int rn, const float *w, size_t w_stride, const float *x, size_t x_stride,
                        int64_t inner, tile_sums sums) {
    __m256 acc[TILE_ROWS][TILE_COLUMNS];
    for (int i = 0; i < rm; i++)
        for (int j = 0; j < rn; j++) acc[i][j] = _mm256_setzero_ps();
    for (int64_t p = 0; p < inner; p += LANES) {
        __m256 column[TILE_COLUMNS];
        for (int j = 0; j < rn; j++) column[j] = _mm256_loadu_ps(x + j * x_stride + p);
        for (int i = 0; i < rm; i++) {
            __m256 row = _mm256_loadu_ps(w + i * w_stride + p);
            for (int j = 0; j < rn; j++) acc[i][j] = _mm256_fmadd_ps(row, column[j], acc[i][j]);
        }
    }
    for (int i = 0; i < rm; i++)
        for (int j = 0; j < rn; j++) sums[i][j] = dragoman_lane_sum(acc[i][j]);
}

#define TILE_CASE(rm, rn) \
    case (rm) * 8 + (rn): tile(rm, rn, w, w_stride, x, x_stride, inner, sums); break;

KERNEL static void any_tile(int rm, int rn, const float *w, size_t w_stride, const float *x, size_t x_stride,
                            int64_t inner, tile_sums sums) {
    switch (rm * 8 + rn) {
        TILE_CASE(6, 2) TILE_CASE(6, 1) TILE_CASE(5, 2) TILE_CASE(5, 1) TILE_CASE(4, 2) TILE_CASE(4, 1)
        TILE_CASE(3, 2) TILE_CASE(3, 1) TILE_CASE(2, 2) TILE_CASE(2, 1) TILE_CASE(1, 2) TILE_CASE(1, 1)
        default: break;
    }
}

/// As tile, 16 lanes at a time; `inner` is a multiple of 8, so a last half step runs on the low 8 lanes.
INLINE_KERNEL_512 void wide_tile(int rm, int rn, const float *w, size_t w_stride, const float *x, size_t x_stride,
                                 int64_t inner, tile_sums sums) {
    __m512 acc[WIDE_TILE_ROWS][WIDE_TILE_COLUMNS];
    for (int i = 0; i < rm; i++)
        for (int j = 0; j < rn; j++) acc[i][j] = _mm512_setzero_ps();
    for (int64_t p = 0; p < inner; p += WIDE_LANES) {
        __mmask16 lanes = inner - p >= WIDE_LANES ? 0xffff : 0x00ff;
        __m512 column[WIDE_TILE_COLUMNS];
        for (int j = 0; j < rn; j++) column[j] = _mm512_maskz_loadu_ps(lanes, x + j * x_stride + p);
        for (int i = 0; i < rm; i++) {
            __m512 row = _mm512_maskz_loadu_ps(lanes, w + i * w_stride + p);
            for (int j = 0; j < rn; j++) acc[i][j] = _mm512_fmadd_ps(row, column[j], acc[i][j]);
        }
    }
    for (int i = 0; i < rm; i++)
        for (int j = 0; j < rn; j++) sums[i][j] = _mm512_reduce_add_ps(acc[i][j]);
}

#define WIDE_TILE_CASE(rm, rn) \
    case (rm) * 8 + (rn): wide_tile(rm, rn, w, w_stride, x, x_stride, inner, sums); break;

KERNEL_512 static void any_wide_tile(int rm, int rn, const float *w, size_t w_stride, const float *x,
                                     size_t x_stride, int64_t inner, tile_sums sums) {
    switch (rm * 8 + rn) {
        DRAGOMAN_WIDE_TILE_SHAPES(WIDE_TILE_CASE)
        default: break;
    }
}

KERNEL static void unpack_f16(const uint16_t *source, float *panel, int64_t inner) {
    for (int64_t p = 0; p < inner; p += LANES)
        _mm256_storeu_ps(panel + p, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(source + p))));
}

/// The f32 view of rows [row, row + rm): the weights themselves for F32, else unpacked into `panel`.
KERNEL static const float *row_panel(const dragoman_linear_problem *p, int64_t row, int rm, float *panel,
                                     size_t *stride) {
    const char *first = (const char *)p->weights + row * p->weight_row_stride;
    if (p->format == DRAGOMAN_WEIGHTS_F32) {
        *stride = p->weight_row_stride / sizeof(float);
        return (const float *)first;
    }
    for (int i = 0; i < rm; i++) {
        const void *source = first + i * p->weight_row_stride;
        if (p->format == DRAGOMAN_WEIGHTS_F16) unpack_f16(source, panel + i * p->inner, p->inner);
        else dragoman_unpack_q8_0(source, panel + i * p->inner, p->inner);
    }
    *stride = (size_t)p->inner;
    return panel;
}

KERNEL void dragoman_linear_compute(const dragoman_linear_problem *p, int part, int parts) {
    bool wide = p->isa == DRAGOMAN_ISA_AVX512;
    const int tile_rows = wide ? WIDE_TILE_ROWS : TILE_ROWS, tile_columns = wide ? WIDE_TILE_COLUMNS : TILE_COLUMNS;
    tile_function *any = wide ? any_wide_tile : any_tile;
    int64_t first, end;
    if (!dragoman_row_share(p->rows, tile_rows, part, parts, &first, &end)) return;

    float *panel = NULL;
    if (p->format != DRAGOMAN_WEIGHTS_F32) {
        panel = aligned_alloc(64, (size_t)(tile_rows * p->inner) * sizeof(float));
        if (panel == NULL) abort();  // a few KiB per thread; nothing sensible to do without it
    }
    int64_t block = dragoman_block_columns(p->block_bytes, (size_t)p->inner * sizeof(float), tile_columns, p->columns);
    size_t x_stride = p->input_column_stride / sizeof(float);
    size_t y_stride = p->output_column_stride / sizeof(float);

    for (int64_t c0 = 0; c0 < p->columns; c0 += block) {
        int64_t c_end = c0 + block < p->columns ? c0 + block : p->columns;
        for (int64_t r = first; r < end; r += tile_rows) {
            int rm = end - r < tile_rows ? (int)(end - r) : tile_rows;
            size_t w_stride;
            const float *w = row_panel(p, r, rm, panel, &w_stride);
            int64_t next_rows = end - (r + tile_rows) < tile_rows ? end - (r + tile_rows) : tile_rows;
            dragoman_prefetch prefetch = dragoman_prefetch_start(
                (const char *)p->weights + (r + tile_rows) * p->weight_row_stride,
                next_rows * (int64_t)p->weight_row_stride, (c_end - c0 + tile_columns - 1) / tile_columns);
            for (int64_t c = c0; c < c_end; c += tile_columns) {
                dragoman_prefetch_step(&prefetch);
                int rn = c_end - c < tile_columns ? (int)(c_end - c) : tile_columns;
                tile_sums sums;
                any(rm, rn, w, w_stride, p->input + c * x_stride, x_stride, p->inner, sums);
                for (int j = 0; j < rn; j++) {
                    float *y = p->output + (c + j) * y_stride + r;
                    for (int i = 0; i < rm; i++) y[i] = sums[i][j] + (p->bias ? p->bias[r + i] : 0.0f);
                }
            }
        }
    }
    free(panel);
}

#else  // Not x86-64: dragoman_kernels_available() is false and the Swift side keeps ggml's mul_mat.

void dragoman_linear_compute(const dragoman_linear_problem *problem, int part, int parts) {
    (void)problem, (void)part, (void)parts;
    abort();
}

#endif
