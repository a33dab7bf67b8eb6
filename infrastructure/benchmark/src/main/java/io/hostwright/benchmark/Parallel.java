package io.hostwright.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Set-up work done a few pieces at once (not measured). */
public final class Parallel {

    private Parallel() {
    }

    /**
     * Runs every piece, {@code threads} at once, and waits for all of them.
     *
     * @throws IllegalStateException saying "could not {@code what}" when a piece fails
     */
    public static void run(int threads, List<? extends Runnable> work, String what) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            work.forEach(piece -> done.add(pool.submit(piece)));
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not " + what, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
