package io.hostwright.manifest;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One Lambda function: where its jar comes from, its handler, limits, trigger and what it may touch.
 *
 * @param name       function name, also the Maven artifact and the jar name ({@code functions/<name>/target/<name>.jar})
 * @param handler    fully qualified handler class (implements {@code RequestHandler})
 * @param sendsTo    names of queues the function sends to (it gets their URLs and send permission)
 * @param sendsMail  whether it sends e-mail through SES
 * @param environment extra, non-secret environment
 * @param readsSecrets whether it reads back-end credentials from Secrets Manager (names under {@link #SECRET_PREFIX})
 * @param credentialAccess what it may do to the customer credentials table (root passwords): only the functions that
 *                     set, send or clear them get any access, and only they may use its encryption key
 */
public record FunctionSpec(
        String name,
        String description,
        String handler,
        int memoryMb,
        Duration timeout,
        Trigger trigger,
        TableAccess tableAccess,
        Set<String> sendsTo,
        boolean sendsMail,
        Map<String, String> environment,
        boolean readsSecrets,
        TableAccess credentialAccess) {

    /** Back-end credentials live in Secrets Manager under this prefix, e.g. {@code hostwright/tenantos/main}. */
    public static final String SECRET_PREFIX = "hostwright/";

    public FunctionSpec(String name, String description, String handler, int memoryMb, Duration timeout,
                        Trigger trigger, TableAccess tableAccess, Set<String> sendsTo, boolean sendsMail,
                        Map<String, String> environment) {
        this(name, description, handler, memoryMb, timeout, trigger, tableAccess, sendsTo, sendsMail, environment,
                false, TableAccess.NONE);
    }

    public FunctionSpec(String name, String description, String handler, int memoryMb, Duration timeout,
                        Trigger trigger, TableAccess tableAccess, Set<String> sendsTo, boolean sendsMail,
                        Map<String, String> environment, boolean readsSecrets) {
        this(name, description, handler, memoryMb, timeout, trigger, tableAccess, sendsTo, sendsMail, environment,
                readsSecrets, TableAccess.NONE);
    }

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(tableAccess, "tableAccess");
        Objects.requireNonNull(credentialAccess, "credentialAccess");
        sendsTo = Set.copyOf(sendsTo);
        environment = Map.copyOf(environment);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("function name must be lower-case kebab: " + name);
        }
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("memory out of Lambda's range: " + memoryMb);
        }
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("timeout out of Lambda's range: " + timeout);
        }
        if (trigger instanceof Trigger.HttpApi && timeout.compareTo(Duration.ofSeconds(29)) > 0) {
            throw new IllegalArgumentException("API Gateway stops waiting at 29 s: " + name);
        }
    }

    /** Module directory relative to the repository root. */
    public String moduleDirectory() {
        return "functions/" + name;
    }

    /** The self-contained jar the reactor builds for this function, relative to the repository root. */
    public String jarPath() {
        return moduleDirectory() + "/target/" + name + ".jar";
    }
}
