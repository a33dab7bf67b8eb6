package io.hostwright.simulator.vmmanager6;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A host (VM) as the world holds it, its root password and traffic included. */
final class HostState {

    static final String CREATING = "creating";
    static final String ACTIVE = "active";
    static final String STOPPED = "stopped";
    static final String REINSTALLING = "reinstalling";
    static final String CHANGING = "changing";
    static final String DELETING = "deleting";
    static final String FAILED = "failed";

    final long id;
    final String name;
    final String comment;
    final long clusterId;
    final long accountId;
    final long nodeId;
    final String domain;
    final boolean ip6Enabled;
    final Instant createdAt;
    final List<DiskState> disks = new ArrayList<>();
    final List<IpState> ipv4 = new ArrayList<>();
    final TrafficMeter traffic;
    String state = CREATING;
    long osId;
    int cpuNumber;
    long ramMib;
    Long netBandwidthMbitps;
    boolean poweredOn;
    String password;
    /** The task that runs on it, null when none: another mutating call is refused meanwhile. */
    TaskState runningTask;

    HostState(long id, String name, String comment, long clusterId, long accountId, long nodeId, String domain,
              boolean ip6Enabled, Instant createdAt, TrafficRate rate) {
        this.id = id;
        this.name = name;
        this.comment = comment;
        this.clusterId = clusterId;
        this.accountId = accountId;
        this.nodeId = nodeId;
        this.domain = domain;
        this.ip6Enabled = ip6Enabled;
        this.createdAt = createdAt;
        this.traffic = new TrafficMeter(rate, createdAt);
    }

    void power(boolean on, Instant at) {
        poweredOn = on;
        traffic.power(on, at);
    }
}
