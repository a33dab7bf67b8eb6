package io.hostwright.domain.step;

import io.hostwright.domain.mail.MailRequest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What one run of a provisioning step decided. */
public sealed interface StepOutcome {

    /** Human-readable outcome for the service's step list; never a secret. */
    String detail();

    /** The step is done; {@code next} runs now. */
    record Next(String next, String detail) implements StepOutcome {
        public Next {
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * The step is done and provisioning (or the operation) is complete.
     *
     * @param mainIp   the delivered server's main IP, for what is attached to it after (a control-panel licence);
     *                 null when the step delivers none
     * @param announce the mails that tell the customer it is ready: the runner sends them once what is attached is
     *                 there too, so they can say so
     */
    record Done(String detail, String mainIp, List<MailRequest> announce) implements StepOutcome {

        public Done {
            announce = announce == null ? List.of() : List.copyOf(announce);
        }

        public Done(String detail) {
            this(detail, null, List.of());
        }
    }

    /**
     * Not yet (an install running, no stock): run this step again after {@code delay}. Not a failure; the step
     * itself decides when waiting has lasted too long.
     */
    record Wait(Duration delay, String detail) implements StepOutcome {
    }

    /** The back-end failed transiently: run this step again after {@code delay}, counting towards the retry cap. */
    record Retry(Duration delay, String detail) implements StepOutcome {
    }

    /** Cannot succeed: the service fails with this reason and staff are told. */
    record Fail(String detail) implements StepOutcome {
    }

    /**
     * The back-end is not as Hostwright left it (a server reassigned by hand): stop without touching anything more,
     * mark the work as needing a person and tell staff.
     */
    record Attention(String detail) implements StepOutcome {
    }
}
