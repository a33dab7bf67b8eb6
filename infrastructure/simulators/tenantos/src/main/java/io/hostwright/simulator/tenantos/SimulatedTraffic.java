package io.hostwright.simulator.tenantos;

import java.time.Instant;

/**
 * A server's traffic as the simulator holds it at one moment.
 *
 * @param rate            what it moves while traffic flows
 * @param flowing         whether traffic flows now: a customer owns it, it is powered on and a port is up
 * @param counterBytesIn  what its switch counter reads: the bytes counted since {@code counterSince}, bursts
 *                        included — what a counter reset now would take off the interval holding it
 * @param counterBytesOut the same, out
 * @param counterSince    when the counter started from 0: the simulator's start, its {@code reset} to the seed, or
 *                        the last counter reset
 */
public record SimulatedTraffic(long serverId, TrafficRate rate, boolean flowing, long counterBytesIn,
                               long counterBytesOut, Instant counterSince) {

    static SimulatedTraffic of(ServerState s, Instant now) {
        TrafficBytes counter = s.traffic.counter(now);
        return new SimulatedTraffic(s.id, s.traffic.rate(), s.traffic.flowing(), counter.bytesIn(),
                counter.bytesOut(), s.traffic.counterSince());
    }
}
