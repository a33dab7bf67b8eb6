package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.ModuleState;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Module state in memory. A save can be made to crash once, as a function that dies before its write landed. */
final class InMemoryModuleState implements ModuleState {

    /** The process died before the state was written. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("crashed before the module state was saved", null, false, false);
        }
    }

    private final Map<String, Map<String, String>> states = new HashMap<>();
    private Predicate<Map<String, String>> crashOnce;

    /** The next save of a state matching {@code when} throws {@link Crash} and writes nothing. */
    void crashOnceOnSave(Predicate<Map<String, String>> when) {
        crashOnce = when;
    }

    @Override
    public Map<String, String> load(String serviceId, String module) {
        return Map.copyOf(states.getOrDefault(serviceId + "/" + module, Map.of()));
    }

    @Override
    public void save(String serviceId, String module, Map<String, String> state) {
        if (crashOnce != null && crashOnce.test(state)) {
            crashOnce = null;
            throw new Crash();
        }
        states.put(serviceId + "/" + module, Map.copyOf(state));
    }
}
