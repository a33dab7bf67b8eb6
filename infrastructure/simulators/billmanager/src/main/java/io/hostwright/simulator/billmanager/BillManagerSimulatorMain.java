package io.hostwright.simulator.billmanager;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as its own process: {@code --port N} (default 8095; 0 = a free port). Prints the base URL and
 * the credential, and stops on Ctrl-C.
 */
public final class BillManagerSimulatorMain {

    private BillManagerSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8095;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("Usage: BillManagerSimulatorMain [--port N]");
                System.exit(2);
            }
        }
        BillManagerSimulator simulator = BillManagerSimulator.start(SimulatorConfig.laptop().withPort(port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("BILLmanager licence simulator on " + simulator.baseUrl() + "/billmgr, authinfo="
                + simulator.credential());
        stopped.await();
    }
}
