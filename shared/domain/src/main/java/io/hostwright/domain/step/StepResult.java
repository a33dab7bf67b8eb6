package io.hostwright.domain.step;

/** What became of one step message, for logs, metrics and the batch response. */
public enum StepResult {
    /** This delivery ran the step (or started the chain). */
    RAN,
    /** That attempt ran before: nothing done again (a follow-up recorded and never sent is sent now). */
    DUPLICATE,
    /** The state changed under us: deliver it again later (after the queue's visibility timeout). */
    DEFERRED,
    /**
     * Another delivery holds the step: this message is done with and a copy is queued to look again in a few
     * seconds, so a holder that died (a crash, a timeout) is taken over at the end of its lease, not minutes later
     * after the visibility timeout, and each copy is a new message (no receive counted towards the dead-letter queue).
     */
    REQUEUED,
    /** Nothing to do: the service or operation is gone, ended, or past this step. */
    IGNORED
}
