// CPUID leaf 1 (FMA, F16C, OSXSAVE), XCR0 (the OS saves ymm state) and leaf 7 (AVX2), read on each call:
// callers ask once and keep the answer.
#include "CPUFeatures.h"

#if defined(__x86_64__)
#include <cpuid.h>

bool dragoman_kernels_available(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    if (!((ecx & bit_F16C) && (ecx & bit_FMA) && (ecx & bit_OSXSAVE))) return false;
    unsigned xcr0_low, xcr0_high;
    __asm__("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
    if ((xcr0_low & 6) != 6) return false;  // XMM and YMM state
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    return ebx & bit_AVX2;
}

#else

bool dragoman_kernels_available(void) { return false; }

#endif
