package io.hostwright.local.function;

import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.ResourceNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The environment Lambda would give each function ({@link Manifest#environmentFor} plus region, emulator endpoints
 * and credentials), set as JVM system properties because every function shares this JVM; {@code FunctionEnvironment}
 * reads a variable, else the property of the same name.
 *
 * <p>Sharing one set of properties is sound only while functions agree on every value, so a disagreement fails
 * startup. The exception is what only names a function in telemetry ({@link #PER_FUNCTION}): it is set for each
 * function just while its handler is constructed, which is when Powertools reads it.
 */
public final class LocalFunctionEnvironment {

    static final Set<String> PER_FUNCTION = Set.of("POWERTOOLS_SERVICE_NAME");
    /** Variables that only label telemetry: a shell value shadowing ours is worth a warning, not a refusal. */
    private static final Set<String> TELEMETRY_ONLY = Set.of("POWERTOOLS_SERVICE_NAME", "POWERTOOLS_METRICS_NAMESPACE");
    private static final Object CONSTRUCTION = new Object();

    private final Map<String, String> shared;
    private final Map<String, Map<String, String>> perFunction;
    private final Map<String, String> credentials;

    private LocalFunctionEnvironment(Map<String, String> shared, Map<String, Map<String, String>> perFunction,
                                     Map<String, String> credentials) {
        this.shared = shared;
        this.perFunction = perFunction;
        this.credentials = credentials;
    }

    /**
     * Merges the functions' environments.
     *
     * @param platform what Lambda itself would provide on top of the manifest: {@code AWS_REGION} and, only on the
     *                 laptop, the {@code AWS_ENDPOINT_URL_<SERVICE>} overrides
     * @throws IllegalStateException naming the variable and the functions when two functions disagree on a value
     */
    public static LocalFunctionEnvironment of(List<FunctionSpec> functions, ResourceNames resources,
                                              Map<String, String> platform, String accessKeyId, String secretAccessKey) {
        Map<String, String> shared = new TreeMap<>(platform);
        Map<String, String> setBy = new TreeMap<>();
        platform.keySet().forEach(name -> setBy.put(name, "the laptop runtime"));
        Map<String, Map<String, String>> perFunction = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (FunctionSpec function : functions) {
            Map<String, String> own = new TreeMap<>();
            for (Map.Entry<String, String> variable : Manifest.environmentFor(function, resources).entrySet()) {
                String name = variable.getKey();
                if (PER_FUNCTION.contains(name)) {
                    own.put(name, variable.getValue());
                    continue;
                }
                String before = shared.putIfAbsent(name, variable.getValue());
                if (before == null) {
                    setBy.put(name, function.name());
                } else if (!before.equals(variable.getValue())) {
                    conflicts.add(name + " is \"" + before + "\" for " + setBy.get(name) + " but \""
                            + variable.getValue() + "\" for " + function.name());
                }
            }
            perFunction.put(function.name(), own);
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("functions sharing this JVM disagree on their environment, so one set of "
                    + "system properties cannot serve them all:\n  " + String.join("\n  ", conflicts));
        }
        return new LocalFunctionEnvironment(Map.copyOf(shared), Map.copyOf(perFunction),
                Map.of("aws.accessKeyId", accessKeyId, "aws.secretAccessKey", secretAccessKey));
    }

    /** What every function sees, by variable name. */
    public Map<String, String> shared() {
        return shared;
    }

    /**
     * Where the process environment would win over a value set here ({@code FunctionEnvironment} reads variables
     * first): an error for anything that decides where data goes, a warning (returned) for telemetry labels.
     *
     * @throws IllegalStateException naming each shadowing variable
     */
    public List<String> checkNotShadowedBy(Map<String, String> processEnvironment) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> all = new TreeMap<>(shared);
        perFunction.values().forEach(own -> own.keySet().forEach(name -> all.putIfAbsent(name, null)));
        for (Map.Entry<String, String> variable : all.entrySet()) {
            String name = variable.getKey();
            String outside = processEnvironment.get(name);
            if (outside == null || outside.isEmpty() || outside.equals(variable.getValue())) {
                continue;
            }
            String line = name + "=" + outside + " is set in the environment and would win over the laptop's "
                    + (variable.getValue() == null ? "per-function value" : "\"" + variable.getValue() + "\"");
            (TELEMETRY_ONLY.contains(name) ? warnings : errors).add(line);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("unset these environment variables before starting the laptop runtime:\n  "
                    + String.join("\n  ", errors));
        }
        return warnings;
    }

    /** Sets the shared values and the SDK credentials as system properties. */
    public void apply() {
        shared.forEach(System::setProperty);
        credentials.forEach(System::setProperty);
    }

    /** Removes every property {@link #apply()} and {@link #constructing} set. */
    public void clear() {
        shared.keySet().forEach(System::clearProperty);
        credentials.keySet().forEach(System::clearProperty);
        perFunction.values().forEach(own -> own.keySet().forEach(System::clearProperty));
    }

    /**
     * Runs {@code construction} (building a handler) with the function's own values set. Constructions are
     * serialised, since the properties are global.
     */
    public <T> T constructing(String functionName, Supplier<T> construction) {
        synchronized (CONSTRUCTION) {
            perFunction.getOrDefault(functionName, Map.of()).forEach(System::setProperty);
            return construction.get();
        }
    }

    /** A handler factory that constructs with each function's own values set. */
    public HandlerFactory wrap(HandlerFactory factory) {
        return function -> constructing(function.name(), () -> factory.create(function));
    }
}
