package io.hostwright.secrets;

import io.hostwright.lambda.FunctionEnvironment;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves a reference by its scheme:
 * <ul>
 *   <li>{@code env:NAME} — the environment variable, else the system property of that name (the laptop runtime sets
 *   system properties, as for {@link FunctionEnvironment});</li>
 *   <li>{@code file:/path} or {@code file:relative/path} (against the working directory) or {@code file:///path};</li>
 *   <li>{@code secretsmanager:<arn-or-name>} — AWS Secrets Manager, cached for a few minutes.</li>
 * </ul>
 * Values are stripped of surrounding whitespace (a trailing newline in a file is no part of an API key).
 */
public final class SchemeSecretResolver implements SecretResolver {

    private static final String SCHEMES = "use env:NAME, file:/path or secretsmanager:<arn-or-name>";

    private final Function<String, Optional<String>> environment;
    private final SecretResolver secretsManager;

    /** env: and file: as described; secretsmanager: through a cached client built on first use. */
    public SchemeSecretResolver() {
        this(FunctionEnvironment::optional, new SecretsManagerSecrets());
    }

    /** @param environment a variable name → its value; @param secretsManager resolves whole secretsmanager: references */
    public SchemeSecretResolver(Function<String, Optional<String>> environment, SecretResolver secretsManager) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.secretsManager = Objects.requireNonNull(secretsManager, "secretsManager");
    }

    @Override
    public String resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new SecretUnavailableException("secret reference is empty; " + SCHEMES, false, null);
        }
        int colon = reference.indexOf(':');
        String scheme = colon < 0 ? "" : reference.substring(0, colon);
        String rest = colon < 0 ? "" : reference.substring(colon + 1);
        return switch (scheme) {
            case "env" -> fromEnvironment(reference, rest);
            case "file" -> fromFile(reference, rest);
            case "secretsmanager" -> secretsManager.resolve(reference);
            default -> throw new SecretUnavailableException(unknown(scheme), false, null);
        };
    }

    /** Names the scheme only: a reference without one may be the secret itself, pasted where a reference belongs. */
    private static String unknown(String scheme) {
        return scheme.matches("[A-Za-z][A-Za-z0-9+.-]{0,30}")
                ? "secret reference has the unknown scheme '" + scheme + ":'; " + SCHEMES
                : "secret reference has no scheme (not shown: it may be the secret itself); " + SCHEMES;
    }

    private String fromEnvironment(String reference, String name) {
        if (name.isBlank()) {
            throw new SecretUnavailableException("secret reference " + reference + " names no variable", false, null);
        }
        return environment.apply(name).map(String::strip).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new SecretUnavailableException("secret " + reference + ": neither environment variable "
                        + "nor system property " + name + " is set", false, null));
    }

    private static String fromFile(String reference, String location) {
        Path path;
        try {
            path = location.startsWith("//") ? Path.of(URI.create("file:" + location))
                    : Path.of(System.getProperty("user.dir")).resolve(location);
        } catch (RuntimeException e) {
            throw new SecretUnavailableException("secret reference " + reference + " is not a usable path", false, null);
        }
        String value;
        try {
            value = Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new SecretUnavailableException("secret " + reference + ": file " + path + " does not exist", false, null);
        } catch (IOException e) {
            throw new SecretUnavailableException("secret " + reference + ": file " + path + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", false, null);
        }
        if (value.isEmpty()) {
            throw new SecretUnavailableException("secret " + reference + ": file " + path + " is empty", false, null);
        }
        return value;
    }

    @Override
    public String toString() {
        return "SchemeSecretResolver[env:, file:, " + secretsManager + "]";
    }
}
