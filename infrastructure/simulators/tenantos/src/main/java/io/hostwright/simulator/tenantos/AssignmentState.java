package io.hostwright.simulator.tenantos;

/** One IP assigned to a server. Guarded by the {@link World} lock. */
final class AssignmentState {

    final long id;
    final String ip;
    final long subnetId;
    boolean primary;
    String rdns;

    AssignmentState(long id, String ip, long subnetId, boolean primary) {
        this.id = id;
        this.ip = ip;
        this.subnetId = subnetId;
        this.primary = primary;
    }
}
