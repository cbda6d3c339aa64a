#ifndef SLUICE_CPREFETCH_H
#define SLUICE_CPREFETCH_H

/// Asks the processor to start loading the cache line at `address` without waiting for it:
/// Swift has no prefetch of its own. The unique-key index prefetches the table slots and
/// filter blocks of a batch's keys before looking them up in order (see KeyIndex.warm).
static inline void sluice_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
