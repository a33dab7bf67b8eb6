package io.hostwright.domain.step;

import java.time.Duration;
import java.time.Instant;

/**
 * When to look again at work another delivery holds (a step, a mail): in {@link #SOON}, or a second after the
 * holder's claim runs out if that is sooner. A live holder has usually finished by then (the copy finds the work
 * done); a dead one's claim is looked at again until it has run out, each look a new message, never a receive
 * counted towards the dead-letter queue.
 */
public final class Recheck {

    public static final Duration SOON = Duration.ofSeconds(5);

    private Recheck() {
    }

    public static Duration after(Instant now, Instant claimUntil) {
        Duration left = Duration.between(now, claimUntil).plusSeconds(1);
        return left.isNegative() ? Duration.ofSeconds(1) : left.compareTo(SOON) > 0 ? SOON : left;
    }
}
