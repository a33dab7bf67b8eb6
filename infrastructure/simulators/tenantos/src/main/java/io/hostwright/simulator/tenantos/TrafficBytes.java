package io.hostwright.simulator.tenantos;

/** Bytes in and out over some stretch of time; negative where a counter reset falls into it. */
record TrafficBytes(long bytesIn, long bytesOut) {

    static final TrafficBytes NONE = new TrafficBytes(0, 0);

    TrafficBytes plus(TrafficBytes other) {
        return new TrafficBytes(Math.addExact(bytesIn, other.bytesIn), Math.addExact(bytesOut, other.bytesOut));
    }

    TrafficBytes negated() {
        return new TrafficBytes(Math.negateExact(bytesIn), Math.negateExact(bytesOut));
    }
}
