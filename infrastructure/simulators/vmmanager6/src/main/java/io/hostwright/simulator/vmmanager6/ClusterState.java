package io.hostwright.simulator.vmmanager6;

import java.util.List;

/** A cluster, its nodes and how many hosts it may hold (null: no limit; set through the control API). */
final class ClusterState {

    final long id;
    final String name;
    final List<Seed.Node> nodes;
    Integer capacity;

    ClusterState(Seed.Cluster seed) {
        this.id = seed.id();
        this.name = seed.name();
        this.nodes = seed.nodes();
        this.capacity = seed.capacity();
    }
}
