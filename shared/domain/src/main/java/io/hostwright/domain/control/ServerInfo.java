package io.hostwright.domain.control;

import java.util.List;

/**
 * A customer's server as the back-end reports it now.
 *
 * @param power          {@code on}, {@code off} or {@code unknown}
 * @param powerCommands  what {@code POST …/power} accepts for this server
 * @param busy           an installation or wipe is running
 */
public record ServerInfo(String serviceId, String status, String hostname, String os, String mainIp,
                         List<String> additionalIps, Hardware hardware, String power, List<PowerCommand> powerCommands,
                         boolean rescue, boolean busy) {

    public ServerInfo {
        additionalIps = List.copyOf(additionalIps);
        powerCommands = List.copyOf(powerCommands);
    }

    /** @param memoryMb 0 when unknown */
    public record Hardware(String cpu, long memoryMb) {
    }
}
