package io.hostwright.simulator.tenantos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One server as the simulated TenantOS holds it. Guarded by the {@link World} lock. */
final class ServerState {

    /** A stretch of time a customer (not the admin/stock account) owned the server: traffic flows only then. */
    record CustomerPeriod(Instant from, Instant to) {
    }

    final long id;
    final String servername;
    final String cpuModel;
    final long memoryMb;
    String hostname;
    Long userId;
    String os;
    List<String> tags;
    String powerStatus = "on";
    List<Long> suspendUserIds = List.of();
    InstallJob install;
    String rootPassword;
    final List<AssignmentState> assignments = new ArrayList<>();
    final List<CustomerPeriod> customerPeriods = new ArrayList<>();

    ServerState(Seed.Server seed) {
        this.id = seed.id();
        this.servername = seed.servername() == null ? "" : seed.servername();
        this.cpuModel = seed.cpuModel() == null ? "" : seed.cpuModel();
        this.memoryMb = seed.memoryMb();
        this.hostname = seed.hostname() == null ? "" : seed.hostname();
        this.userId = seed.userId();
        this.os = seed.os();
        this.tags = List.copyOf(seed.tags());
    }

    boolean reinstallationRunning() {
        return install != null && install.running() && !install.wipe;
    }

    boolean diskwipeRunning() {
        return install != null && install.running() && install.wipe;
    }

    String primaryIp() {
        return assignments.stream().filter(a -> a.primary).map(a -> a.ip).findFirst().orElse("");
    }

    /** Traffic periods for owner changes: open one when a customer takes the server, close it when it goes back. */
    void ownerChanged(boolean customerNow, Instant now) {
        CustomerPeriod open = customerPeriods.isEmpty() ? null : customerPeriods.getLast();
        boolean isOpen = open != null && open.to() == null;
        if (isOpen && !customerNow) {
            customerPeriods.set(customerPeriods.size() - 1, new CustomerPeriod(open.from(), now));
        } else if (!isOpen && customerNow) {
            customerPeriods.add(new CustomerPeriod(now, null));
        }
    }
}
