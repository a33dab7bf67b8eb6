package io.hostwright.simulators;

import java.nio.file.Path;

/**
 * Starts a back-end's simulator with its demo stock; registered once for the laptop runtime. Each simulator that
 * keeps its state across restarts reads it from, and writes every change to, the {@link StateFile} it is given.
 */
public interface SimulatorLauncher {

    /** How fast simulated work (installs, wipes, tasks) goes. */
    enum Pace {
        /** Slow enough to watch a service walk through its steps. */
        LAPTOP,
        /** As fast as the tests can follow. */
        TESTS
    }

    /**
     * How to start it.
     *
     * @param port      0 for a free port
     * @param stateFile where its state is kept across restarts; null keeps it in memory (the demo stock each start)
     */
    record Launch(Pace pace, int port, Path stateFile) {

        public static Launch inMemory(Pace pace) {
            return new Launch(pace, 0, null);
        }
    }

    String backend();

    /**
     * The port the laptop runtime gives it unless told otherwise: fixed, so the base URLs that connections store
     * stay valid from one start to the next.
     */
    int defaultPort();

    BackendSimulator start(Launch launch);

    /** Its demo stock, in memory, on a free port. */
    default BackendSimulator start(Pace pace) {
        return start(Launch.inMemory(pace));
    }
}
