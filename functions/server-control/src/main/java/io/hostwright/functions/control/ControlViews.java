package io.hostwright.functions.control;

import io.hostwright.domain.control.PowerCommand;
import io.hostwright.domain.control.ServerInfo;
import io.hostwright.domain.control.UsageSeries;

import java.time.Instant;
import java.util.List;

/** The client functions' JSON where it differs from the domain records: words as the requests spell them. */
final class ControlViews {

    private ControlViews() {
    }

    record ServerView(String serviceId, String status, String hostname, String os, String mainIp,
                      List<String> additionalIps, ServerInfo.Hardware hardware, String power,
                      List<String> powerCommands, boolean rescue, boolean busy) {
    }

    record UsageView(String serviceId, Instant from, Instant to, String resolution, List<UsageSeries.Point> points,
                     long totalBytesIn, long totalBytesOut) {
    }

    static ServerView server(ServerInfo i) {
        return new ServerView(i.serviceId(), i.status(), i.hostname(), i.os(), i.mainIp(), i.additionalIps(),
                i.hardware(), i.power(), i.powerCommands().stream().map(PowerCommand::label).toList(), i.rescue(),
                i.busy());
    }

    static UsageView usage(UsageSeries u) {
        return new UsageView(u.serviceId(), u.from(), u.to(), u.resolution().label(), u.points(), u.totalBytesIn(),
                u.totalBytesOut());
    }
}
