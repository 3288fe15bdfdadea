#include <zlib.h>

// deflateInit2 is a macro over deflateInit2_ (it passes the version and struct size), which Swift cannot import.
static inline int czlib_deflate_init_gzip(z_stream *stream, int level) {
    // windowBits 15 + 16 asks zlib for a gzip wrapper instead of a zlib one (zlib.h, deflateInit2).
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

static inline int czlib_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
