package io.hostwright.simulator.vmmanager6;

/** A host's disk. */
final class DiskState {

    final long id;
    long sizeMib;

    DiskState(long id, long sizeMib) {
        this.id = id;
        this.sizeMib = sizeMib;
    }
}
