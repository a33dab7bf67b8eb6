package io.hostwright.simulator.vmmanager6;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An IPv4 pool: {@code size} consecutive addresses from {@code first}. An address is in use (held by a host's IP),
 * reserved (taken by someone else: {@code exhaust} through the control API) or free. Addresses go out lowest first.
 */
final class PoolState {

    final long id;
    final String name;
    final List<Long> clusterIds;
    final long first;
    int size;
    final Map<Long, IpState> used = new TreeMap<>();
    final Set<Long> reserved = new TreeSet<>();

    PoolState(Seed.IpPool seed) {
        this.id = seed.id();
        this.name = seed.name();
        this.clusterIds = seed.clusterIds();
        this.first = Ipv4.parse(seed.firstIp());
        this.size = seed.size();
        if (size < 0 || first + size - 1 > Ipv4.MAX) {
            throw new IllegalArgumentException("Pool " + id + ": " + size + " addresses from " + seed.firstIp()
                    + " do not fit IPv4");
        }
    }

    int free() {
        return size - used.size() - reserved.size();
    }

    Optional<Long> lowestFree() {
        for (long a = first; a < first + size; a++) {
            if (!used.containsKey(a) && !reserved.contains(a)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    void reserveAllFree() {
        for (long a = first; a < first + size; a++) {
            if (!used.containsKey(a)) {
                reserved.add(a);
            }
        }
    }

    /** Shrinking below an address in use is refused; reservations beyond the new end go. */
    void resize(int newSize) {
        if (newSize < 0 || first + newSize - 1 > Ipv4.MAX) {
            throw new IllegalArgumentException("A pool's size must be 0 or more and fit IPv4, got " + newSize);
        }
        long end = first + newSize;
        if (used.keySet().stream().anyMatch(a -> a >= end)) {
            throw new IllegalArgumentException("Pool " + id + " has addresses in use beyond " + newSize);
        }
        reserved.removeIf(a -> a >= end);
        size = newSize;
    }
}
