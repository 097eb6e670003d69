#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the SHA-256 instructions (x86-64 SHA extensions with SSSE3 and
/// SSE4.1), 0 otherwise; the answer is read from CPUID once.
int chorus_sha256_hardware_available(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` (the eight words of SHA-256's
/// chaining value, in order): with the SHA-256 instructions when `hardware` is nonzero (only
/// where chorus_sha256_hardware_available() returned 1), else in portable C.
void chorus_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, int hardware);

#endif
