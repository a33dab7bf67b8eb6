package io.hostwright.domain.step;

/** What became of one step message, for logs, metrics and the batch response. */
public enum StepResult {
    /** This delivery ran the step (or started the chain). */
    RAN,
    /** That attempt ran before: nothing done again (a follow-up recorded and never sent is sent now). */
    DUPLICATE,
    /** Another delivery holds the step, or the state changed under us: deliver it again later. */
    DEFERRED,
    /** Nothing to do: the service or operation is gone, ended, or past this step. */
    IGNORED
}
