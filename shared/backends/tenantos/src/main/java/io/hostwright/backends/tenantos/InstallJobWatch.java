package io.hostwright.backends.tenantos;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether an installation, reinstallation or disk wipe this module started has ended — the one rule provisioning and
 * the lifecycle share. TenantOS's install status is per server, not per job: right after a start it may still
 * report the job before (a wipe's "finished" when the customer's install has only just been asked for). So an ended
 * status counts once this job was seen running, or, if it never was, once {@link #UNSEEN_JOB_GRACE} has passed
 * since it was started.
 */
final class InstallJobWatch {

    static final Duration UNSEEN_JOB_GRACE = Duration.ofMinutes(2);

    enum Verdict { WAITING, FINISHED, FAILED }

    /** @param seenRunning whether the job has now been seen running (save it when it changed) */
    record Reading(Verdict verdict, InstallStatus status, boolean seenRunning) {
    }

    private InstallJobWatch() {
    }

    static Reading read(TenantOsApi api, long serverId, Instant startedAt, boolean seenRunning, Instant now) {
        InstallStatus status = api.installStatus(serverId);
        if (status.state() == InstallStatus.State.RUNNING) {
            return new Reading(Verdict.WAITING, status, true);
        }
        boolean believable = seenRunning || !now.isBefore(startedAt.plus(UNSEEN_JOB_GRACE));
        if (!believable) {
            return new Reading(Verdict.WAITING, status, false);
        }
        if (status.state() == InstallStatus.State.FAILED) {
            return new Reading(Verdict.FAILED, status, seenRunning);
        }
        boolean ended = status.state() == InstallStatus.State.FINISHED
                || (status.state() == InstallStatus.State.NOT_RUNNING && !api.server(serverId).busy());
        return new Reading(ended ? Verdict.FINISHED : Verdict.WAITING, status, seenRunning);
    }

    /**
     * Read before a start: whether a job already runs, so a start whose answer was lost is not repeated. Right after
     * that start the status may still be the job before's, so a busy server counts as running too.
     */
    static boolean jobRunning(TenantOsApi api, long serverId) {
        return runningNow(api, serverId) || api.server(serverId).busy();
    }

    /** Read right after a start: a job already running is certainly this one. */
    static boolean runningNow(TenantOsApi api, long serverId) {
        return api.installStatus(serverId).state() == InstallStatus.State.RUNNING;
    }
}
