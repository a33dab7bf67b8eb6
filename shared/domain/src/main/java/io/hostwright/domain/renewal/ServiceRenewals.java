package io.hostwright.domain.renewal;

import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.OperationRepository;
import io.hostwright.domain.service.Service;

/** Port: a renewal's one write, so that a crash can never leave a period extended without its key's answer. */
public interface ServiceRenewals {

    /**
     * Writes {@code renewed} if the stored service still has {@code expected}'s status and version, and keeps
     * {@code answer} for its Idempotency-Key, all or nothing.
     *
     * @return false when someone else changed the service first (nothing written)
     * @throws OperationRepository.AnswerTaken when the key got an answer meanwhile (nothing written)
     */
    boolean renew(Service expected, Service renewed, ActionAnswer answer);
}
