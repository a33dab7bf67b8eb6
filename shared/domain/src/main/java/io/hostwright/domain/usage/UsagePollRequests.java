package io.hostwright.domain.usage;

import java.util.List;

/** Port: queues polling messages, at most one running per lane ({@link UsagePollRequest#lane()}). */
public interface UsagePollRequests {

    void send(List<UsagePollRequest> requests);
}
