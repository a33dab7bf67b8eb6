package io.hostwright.backends.contract;

import org.junit.jupiter.api.Assumptions;

import java.util.Locale;
import java.util.Optional;

/**
 * A real installation of a back-end to run a suite against, where this machine can reach one. It is named by the
 * system properties {@code hostwright.contract.<backend>.url} and {@code hostwright.contract.<backend>.credential}
 * (or the environment variables {@code HOSTWRIGHT_CONTRACT_<BACKEND>_URL} and {@code _CREDENTIAL}); a back-end may
 * read more settings of its own the same way ({@code .serverId} or {@code _SERVER_ID}). When none is named,
 * {@link #require} aborts the test with a message saying how to name one, so the report lists it as skipped, never as
 * passed. The credential is never shown.
 */
public final class LiveInstallation {

    private final String backend;
    private final String baseUrl;
    private final String credential;

    private LiveInstallation(String backend, String baseUrl, String credential) {
        this.backend = backend;
        this.baseUrl = baseUrl;
        this.credential = credential;
    }

    /** The installation named for {@code backend} (e.g. {@code xyz}); aborts the calling test when there is none. */
    public static LiveInstallation require(String backend) {
        return find(backend).orElseGet(() -> Assumptions.abort("No real " + backend + " installation named, so this"
                + " check did not run: set " + property(backend, "url") + " and " + property(backend, "credential")
                + " (mvn -D…) or " + variable(backend, "url") + " and " + variable(backend, "credential")
                + " to run it against one"));
    }

    /** The installation named for {@code backend}, if one is. */
    public static Optional<LiveInstallation> find(String backend) {
        Optional<String> url = setting(backend, "url");
        Optional<String> credential = setting(backend, "credential");
        if (url.isEmpty() || credential.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LiveInstallation(backend, url.get(), credential.get()));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String credential() {
        return credential;
    }

    /** A further setting of this back-end's, e.g. {@code serverId}: a server the suite may read. */
    public Optional<String> setting(String name) {
        return setting(backend, name);
    }

    static String property(String backend, String name) {
        return "hostwright.contract." + backend + "." + name;
    }

    /** {@code serverId} of {@code xyz} → {@code HOSTWRIGHT_CONTRACT_XYZ_SERVER_ID}. */
    static String variable(String backend, String name) {
        String words = (backend + "_" + name).replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]", "_");
        return "HOSTWRIGHT_CONTRACT_" + words.toUpperCase(Locale.ROOT);
    }

    private static Optional<String> setting(String backend, String name) {
        String value = System.getProperty(property(backend, name));
        if (value == null || value.isBlank()) {
            value = System.getenv(variable(backend, name));
        }
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "LiveInstallation[" + backend + " at " + baseUrl + "]";
    }
}
