// Whether this CPU runs Dragoman's kernels: they are compiled for AVX2, FMA and F16C (target attributes, so
// the rest of the binary stays baseline x86-64). Without them the Swift side keeps ggml's and Swift's own code.
#ifndef DRAGOMAN_CPU_FEATURES_H
#define DRAGOMAN_CPU_FEATURES_H

#include <stdbool.h>

bool dragoman_kernels_available(void);

#endif
