package io.hostwright.simulator.tenantos;

import java.time.Instant;

/**
 * A server's switch counter started again from 0 at {@code at}: the interval holding {@code at} reports
 * {@code droppedBytesIn} / {@code droppedBytesOut} less than the traffic it saw — what the counter read just before
 * (everything since the simulator's start, its reset to the seed or the counter reset before, bursts included).
 */
public record CounterReset(long serverId, Instant at, long droppedBytesIn, long droppedBytesOut) {
}
