package io.hostwright.simulator.tenantos;

/**
 * A byte count with its thousandths, so a rate in bytes a second integrates over milliseconds exactly: whole
 * {@code bytes} plus {@code thousandths} (0..999) of a byte. Two parts instead of one long of milli-bytes, which
 * would overflow after about 9 PB (ten days at 10 GB/s); whole bytes last about three years at 100 GB/s, and an
 * overflow throws instead of wrapping.
 */
record MilliBytes(long bytes, int thousandths) {

    static final MilliBytes ZERO = new MilliBytes(0, 0);

    /** This plus {@code bytesPerSecond × millis / 1000}, exactly. */
    MilliBytes plus(long bytesPerSecond, long millis) {
        long partOfSecond = Math.multiplyExact(bytesPerSecond, millis % 1_000);
        long whole = Math.addExact(Math.multiplyExact(bytesPerSecond, millis / 1_000), partOfSecond / 1_000);
        int fraction = thousandths + (int) (partOfSecond % 1_000);
        return new MilliBytes(Math.addExact(Math.addExact(bytes, whole), fraction / 1_000), fraction % 1_000);
    }

    /** Whole bytes from {@code earlier} to this, rounded down. */
    long bytesSince(MilliBytes earlier) {
        return Math.subtractExact(bytes, earlier.bytes) + Math.floorDiv(thousandths - earlier.thousandths, 1_000);
    }
}
