// CPUID leaf 1 (FMA, F16C, OSXSAVE), XCR0 (the OS saves ymm, and for AVX-512 opmask and zmm, state) and leaf 7
// (AVX2, AVX-512 F/BW/VL/VNNI), read on each call: callers ask once and keep the answer.
#include "CPUFeatures.h"

#include <unistd.h>

size_t dragoman_column_block_bytes(void) {
    long l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
    return l2 > 0 ? (size_t)l2 / 8 * 3 : 192 * 1024;
}

#if defined(__x86_64__)
#include <cpuid.h>

static unsigned long long extended_state(void) {
    unsigned low, high;
    __asm__("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    return ((unsigned long long)high << 32) | low;
}

bool dragoman_kernels_available(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    if (!((ecx & bit_F16C) && (ecx & bit_FMA) && (ecx & bit_OSXSAVE))) return false;
    if ((extended_state() & 6) != 6) return false;  // XMM and YMM state
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    return ebx & bit_AVX2;
}

dragoman_isa dragoman_best_isa(void) {
    unsigned eax, ebx, ecx, edx;
    if (!dragoman_kernels_available() || !__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return DRAGOMAN_ISA_AVX2;
    bool avx512 = (ebx & bit_AVX512F) && (ebx & bit_AVX512BW) && (ebx & bit_AVX512VL) && (ecx & bit_AVX512VNNI);
    return avx512 && (extended_state() & 0xe6) == 0xe6 ? DRAGOMAN_ISA_AVX512 : DRAGOMAN_ISA_AVX2;
}

#else

bool dragoman_kernels_available(void) { return false; }

dragoman_isa dragoman_best_isa(void) { return DRAGOMAN_ISA_AVX2; }

#endif
