package io.hostwright.backends.vmmanager6;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Bytes a host received ({@code bytesIn}) and sent ({@code bytesOut}) in the 300-second step from {@code start}. */
public record VmTraffic(Instant start, long bytesIn, long bytesOut) {

    /** One way of a host's traffic, and the VMmanager metric that counts it. */
    public enum Direction {
        /** What the VM received: {@code net_rx}. */
        IN("net_rx"),
        /** What the VM sent: {@code net_tx}. */
        OUT("net_tx");

        private final String metric;

        Direction(String metric) {
            this.metric = metric;
        }

        public String metric() {
            return metric;
        }
    }

    /** Both ways per step, oldest first; a step only one way reports counts 0 the other way. */
    public static List<VmTraffic> of(Map<Instant, Long> in, Map<Instant, Long> out) {
        SortedMap<Instant, long[]> steps = new TreeMap<>();
        in.forEach((at, bytes) -> steps.computeIfAbsent(at, k -> new long[2])[0] += bytes);
        out.forEach((at, bytes) -> steps.computeIfAbsent(at, k -> new long[2])[1] += bytes);
        List<VmTraffic> traffic = new ArrayList<>(steps.size());
        steps.forEach((at, bytes) -> traffic.add(new VmTraffic(at, bytes[0], bytes[1])));
        return traffic;
    }
}
