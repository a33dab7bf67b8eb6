package io.hostwright.simulator.tenantos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An OS installation or disk wipe. It ends by itself once {@code duration} has passed ({@link World} checks on every
 * access, so no timer thread is needed); {@code failMessage} set means it fails instead, 60 % of the way in. While it
 * runs, the first {@code staleReadsLeft} status reads may still answer the status of the job before (see
 * {@link Settings#staleStatusReads()}).
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
    Instant endedAt;
    private Map<String, Object> staleStatus;
    private int staleReadsLeft;
    int staleReadsServed;

    InstallJob(Seed.Profile profile, Instant startedAt, Duration duration, String failMessage) {
        this.profileId = profile.id();
        this.profileName = profile.name();
        this.wipe = profile.wipe();
        this.startedAt = startedAt;
        this.duration = duration;
        this.failMessage = failMessage;
    }

    /** All of it, as kept across restarts. */
    record Snapshot(long profileId, String profileName, boolean wipe, Instant startedAt, Duration duration,
                    String failMessage, State state, int endProgress, Instant endedAt,
                    Map<String, Object> staleStatus, int staleReadsLeft, int staleReadsServed) {
    }

    Snapshot snapshot() {
        return new Snapshot(profileId, profileName, wipe, startedAt, duration, failMessage, state, endProgress,
                endedAt, staleStatus, staleReadsLeft, staleReadsServed);
    }

    static InstallJob restore(Snapshot s) {
        InstallJob job = new InstallJob(new Seed.Profile(s.profileId(), s.profileName(), List.of(), s.wipe()),
                s.startedAt(), s.duration(), s.failMessage());
        job.state = s.state();
        job.endProgress = s.endProgress();
        job.endedAt = s.endedAt();
        job.staleStatus = s.staleStatus();
        job.staleReadsLeft = s.staleReadsLeft();
        job.staleReadsServed = s.staleReadsServed();
        return job;
    }

    boolean running() {
        return state == State.RUNNING;
    }

    /** When it ends by itself: after its duration, or 60 % of it when it is to fail. */
    Instant dueAt() {
        return startedAt.plus(failMessage == null ? duration : duration.multipliedBy(6).dividedBy(10));
    }

    boolean due(Instant now) {
        return running() && !now.isBefore(dueAt());
    }

    void end(State outcome, Instant at) {
        endProgress = outcome == State.FINISHED ? 100 : progress(at);
        state = outcome;
        endedAt = at;
        staleStatus = null;
        staleReadsLeft = 0;
    }

    /** The next {@code reads} status reads while this job runs answer {@code previousStatus} instead. */
    void reportStale(Map<String, Object> previousStatus, int reads) {
        staleStatus = previousStatus;
        staleReadsLeft = reads;
    }

    /** What a status read answers instead of this job's own status, using up one stale read; null when nothing. */
    Map<String, Object> staleRead() {
        if (!running() || staleReadsLeft == 0) {
            return null;
        }
        staleReadsLeft--;
        staleReadsServed++;
        return staleStatus;
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
