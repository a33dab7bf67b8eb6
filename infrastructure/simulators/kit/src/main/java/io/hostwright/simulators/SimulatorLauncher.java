package io.hostwright.simulators;

/** Starts a back-end's simulator with its demo stock on a free port; registered once for the laptop runtime. */
public interface SimulatorLauncher {

    /** How fast simulated work (installs, wipes, tasks) goes. */
    enum Pace {
        /** Slow enough to watch a service walk through its steps. */
        LAPTOP,
        /** As fast as the tests can follow. */
        TESTS
    }

    String backend();

    BackendSimulator start(Pace pace);
}
