package io.hostwright.simulator.tenantos;

import java.time.Duration;
import java.time.Instant;

/**
 * An OS installation or disk wipe. It ends by itself once {@code duration} has passed ({@link World} checks on every
 * access, so no timer thread is needed); {@code failMessage} set means it fails instead, 60 % of the way in.
 */
final class InstallJob {

    enum State { RUNNING, FINISHED, FAILED, CANCELLED }

    final long profileId;
    final String profileName;
    final boolean wipe;
    final Instant startedAt;
    final Duration duration;
    final String failMessage;
    State state = State.RUNNING;
    int endProgress;

    InstallJob(Seed.Profile profile, Instant startedAt, Duration duration, String failMessage) {
        this.profileId = profile.id();
        this.profileName = profile.name();
        this.wipe = profile.wipe();
        this.startedAt = startedAt;
        this.duration = duration;
        this.failMessage = failMessage;
    }

    boolean running() {
        return state == State.RUNNING;
    }

    boolean due(Instant now) {
        Duration runFor = failMessage == null ? duration : duration.multipliedBy(6).dividedBy(10);
        return running() && !now.isBefore(startedAt.plus(runFor));
    }

    void end(State outcome, Instant now) {
        endProgress = outcome == State.FINISHED ? 100 : progress(now);
        state = outcome;
    }

    int progress(Instant now) {
        if (!running()) {
            return endProgress;
        }
        long total = Math.max(1, duration.toMillis());
        long elapsed = Math.max(0, Duration.between(startedAt, now).toMillis());
        return (int) Math.min(99, elapsed * 100 / total);
    }

    String phase(int progress) {
        if (wipe) {
            return "wiping disks";
        }
        if (progress < 20) {
            return "booting installer";
        }
        if (progress < 50) {
            return "partitioning disks";
        }
        return progress < 80 ? "installing packages" : "configuring system";
    }
}
