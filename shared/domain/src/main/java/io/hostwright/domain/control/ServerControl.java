package io.hostwright.domain.control;

import io.hostwright.domain.service.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Port: a back-end's client functions on one service's server. Implementations throw
 * {@link io.hostwright.domain.problem.Conflict} for what the server cannot do (a power command its power provider
 * lacks) and {@link io.hostwright.domain.problem.Unavailable} when the back-end cannot be reached.
 */
public interface ServerControl {

    ServerInfo info(Service service);

    /** @return the power state after the command ({@code on}, {@code off}, {@code unknown}) */
    String power(Service service, PowerCommand command);

    List<IpAddress> ips(Service service);

    /** @throws io.hostwright.domain.problem.NotFound when the address is not the server's */
    IpAddress setReverseDns(Service service, String ip, String hostname);

    ConsoleLink console(Service service, Duration validFor);

    RescueAccess startRescue(Service service, String rootPassword);

    RescueAccess stopRescue(Service service);

    UsageSeries usage(Service service, Instant from, Instant to, UsageResolution resolution);
}
