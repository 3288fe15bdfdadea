// Private to the two linear kernels (f32 and int8): how they share rows between threads, size their column
// blocks, stream the next row group in, and which shapes their AVX-512 tiles come in. x86-64 only.
#ifndef DRAGOMAN_TILING_H
#define DRAGOMAN_TILING_H

#if defined(__x86_64__)
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <immintrin.h>

/// The rows [*first, *end) that thread `part` of `parts` owns, in whole tiles of `tile_rows`; false if it owns none.
static inline bool dragoman_row_share(int64_t rows, int tile_rows, int part, int parts, int64_t *first, int64_t *end) {
    int64_t tiles = (rows + tile_rows - 1) / tile_rows;
    *first = rows == 0 ? 0 : tile_rows * (tiles * part / parts);
    *end = tile_rows * (tiles * (part + 1) / parts);
    if (*end > rows) *end = rows;
    return *first < *end;
}

/// How many columns of `column_bytes` a block of `block_bytes` takes: whole tiles, at least one, at most all.
static inline int64_t dragoman_block_columns(size_t block_bytes, size_t column_bytes, int tile_columns, int64_t columns) {
    int64_t block = (int64_t)(block_bytes / column_bytes);
    block -= block % tile_columns;
    if (block < tile_columns) block = tile_columns;
    return block < columns ? block : columns;
}

/// The next row group streams in while this one computes, spread over the column tiles a few lines each.
/// Without it every group's first column tile waits on L3 or DRAM (measured: 54 against 71 GFLOPS for a 4 MiB
/// weight against a 1 MiB one, one thread).
typedef struct {
    const char *next;
    int64_t lines, per_tile, line;
} dragoman_prefetch;

static inline dragoman_prefetch dragoman_prefetch_start(const void *next, int64_t bytes, int64_t column_tiles) {
    int64_t lines = bytes > 0 ? (bytes + 63) / 64 : 0;
    return (dragoman_prefetch){next, lines, (lines + column_tiles - 1) / column_tiles, 0};
}

/// Called once per column tile.
static inline void dragoman_prefetch_step(dragoman_prefetch *p) {
    for (int64_t k = 0; k < p->per_tile && p->line < p->lines; k++, p->line++)
        _mm_prefetch(p->next + p->line * 64, _MM_HINT_T0);
}

/// Every rows × columns shape of an 8 × 3 AVX-512 tile, for a switch over `rows * 8 + columns`.
#define DRAGOMAN_WIDE_TILE_SHAPES(CASE)                                                                         \
    CASE(8, 3) CASE(8, 2) CASE(8, 1) CASE(7, 3) CASE(7, 2) CASE(7, 1) CASE(6, 3) CASE(6, 2) CASE(6, 1) CASE(5, 3) \
    CASE(5, 2) CASE(5, 1) CASE(4, 3) CASE(4, 2) CASE(4, 1) CASE(3, 3) CASE(3, 2) CASE(3, 1) CASE(2, 3) CASE(2, 2) \
    CASE(2, 1) CASE(1, 3) CASE(1, 2) CASE(1, 1)

#endif
#endif
