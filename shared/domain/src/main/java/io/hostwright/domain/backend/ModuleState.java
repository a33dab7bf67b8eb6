package io.hostwright.domain.backend;

import java.util.Map;

/** Port: what a back-end module remembers about a service between steps (its user id, server id, IPs…). */
public interface ModuleState {

    Map<String, String> load(String serviceId, String module);

    /** Replaces the module's state of the service. */
    void save(String serviceId, String module, Map<String, String> state);
}
