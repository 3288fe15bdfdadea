// log Σ exp(x): the shift log-softmax subtracts from a row of logits. Beam search needs it for every hypothesis
// over the whole vocabulary (58k values × 128 hypotheses a step at beam 4, batch 32); glibc's scalar expf made it
// 12% of a beam-search run (measured with perf), an 8-lane polynomial exp makes it a few percent.
#ifndef DRAGOMAN_LOG_SUM_EXP_H
#define DRAGOMAN_LOG_SUM_EXP_H

#include <stdint.h>

/// max(x) + log Σ exp(x − max(x)) over `count` values; the exp is accurate to about 2 ulp. Only where
/// dragoman_kernels_available().
float dragoman_log_sum_exp(const float *values, int64_t count);

#endif
