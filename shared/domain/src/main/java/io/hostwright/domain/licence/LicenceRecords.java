package io.hostwright.domain.licence;

import io.hostwright.domain.backend.ModuleState;

import java.util.Map;
import java.util.Optional;

/** Each service's {@link LicenceRecord}, kept in the module state of the service under {@value #MODULE}. */
public final class LicenceRecords {

    public static final String MODULE = "licence";

    private final ModuleState states;

    public LicenceRecords(ModuleState states) {
        this.states = states;
    }

    public Optional<LicenceRecord> find(String serviceId) {
        Map<String, String> state = states.load(serviceId, MODULE);
        return state == null || state.isEmpty() ? Optional.empty() : Optional.of(LicenceRecord.fromMap(state));
    }

    public void save(String serviceId, LicenceRecord record) {
        states.save(serviceId, MODULE, record.toMap());
    }
}
