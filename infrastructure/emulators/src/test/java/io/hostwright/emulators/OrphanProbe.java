package io.hostwright.emulators;

/** Run in a JVM of its own by {@link LifecycleTest}: starts the SES emulator, says its pid, then waits to be killed. */
public final class OrphanProbe {

    public static void main(String[] args) throws InterruptedException {
        SesEmulator ses = SesEmulator.start();
        System.out.println("node-pid " + ses.process().pid());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
