// ggml's headers come from the PyPI wheel libggml-python, linked to .deps/ggml by Scripts/setup.
// The path is relative to this file so a plain `swift build` finds them without PKG_CONFIG_PATH.
#include "../../.deps/ggml/include/ggml.h"
#include "../../.deps/ggml/include/ggml-alloc.h"
#include "../../.deps/ggml/include/ggml-backend.h"
#include "../../.deps/ggml/include/ggml-cpu.h"
#include "../../.deps/ggml/include/gguf.h"
