package io.hostwright.secrets;

import io.hostwright.lambda.FunctionEnvironment;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>Which schemes a process accepts is its own configuration, not the connection's: in AWS only
 * {@code secretsmanager:} references under this deployment's prefix ({@value #DEFAULT_PREFIX}) are resolved, so a
 * connection edited to read {@code env:AWS_SESSION_TOKEN} cannot hand the function's credentials to its base URL.
 * The laptop runtime allows {@code env:} and {@code file:} by setting {@value #SCHEMES_VARIABLE}.
 */
public final class SchemeSecretResolver implements SecretResolver {

    private static final String SCHEMES = "use env:NAME, file:/path or secretsmanager:<arn-or-name>";
    /** The schemes this process resolves, comma-separated; {@code secretsmanager} when unset. */
    public static final String SCHEMES_VARIABLE = "HOSTWRIGHT_SECRET_SCHEMES";
    /** Every Secrets Manager secret Hostwright reads is named under this prefix (and its functions may read no other). */
    public static final String DEFAULT_PREFIX = "hostwright/";

    private final Function<String, Optional<String>> environment;
    private final SecretResolver secretsManager;
    private final Set<String> allowedSchemes;
    private final String secretsManagerPrefix;

    /** The schemes {@value #SCHEMES_VARIABLE} allows (only secretsmanager: by default), cached Secrets Manager client. */
    public SchemeSecretResolver() {
        this(FunctionEnvironment::optional, new SecretsManagerSecrets(),
                allowedSchemes(FunctionEnvironment.optional(SCHEMES_VARIABLE).orElse("secretsmanager")), DEFAULT_PREFIX);
    }

    /**
     * @param environment          a variable name → its value
     * @param secretsManager       resolves whole secretsmanager: references
     * @param allowedSchemes       the schemes resolved; any other reference is refused
     * @param secretsManagerPrefix a secretsmanager: reference must name a secret under it
     */
    public SchemeSecretResolver(Function<String, Optional<String>> environment, SecretResolver secretsManager,
                                Set<String> allowedSchemes, String secretsManagerPrefix) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.secretsManager = Objects.requireNonNull(secretsManager, "secretsManager");
        this.allowedSchemes = Set.copyOf(allowedSchemes);
        this.secretsManagerPrefix = Objects.requireNonNull(secretsManagerPrefix, "secretsManagerPrefix");
    }

    /** {@code "secretsmanager,env"} → the set, refusing names that are no scheme. */
    public static Set<String> allowedSchemes(String list) {
        Set<String> schemes = new LinkedHashSet<>();
        for (String scheme : list.split(",")) {
            String name = scheme.strip();
            if (!List.of("secretsmanager", "env", "file").contains(name)) {
                throw new IllegalArgumentException(SCHEMES_VARIABLE + " may list secretsmanager, env and file, not '"
                        + name + "'");
            }
            schemes.add(name);
        }
        return schemes;
    }

    @Override
    public String resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new SecretUnavailableException("secret reference is empty; " + SCHEMES, false, null);
        }
        int colon = reference.indexOf(':');
        String scheme = colon < 0 ? "" : reference.substring(0, colon);
        String rest = colon < 0 ? "" : reference.substring(colon + 1);
        if (List.of("env", "file", "secretsmanager").contains(scheme) && !allowedSchemes.contains(scheme)) {
            throw new SecretUnavailableException("secret references of scheme " + scheme + ": are not allowed here;"
                    + " this deployment resolves " + allowedSchemes.stream().map(s -> s + ":").toList() + " only", false,
                    null);
        }
        return switch (scheme) {
            case "env" -> fromEnvironment(reference, rest);
            case "file" -> fromFile(reference, rest);
            case "secretsmanager" -> fromSecretsManager(reference, rest);
            default -> throw new SecretUnavailableException(unknown(scheme), false, null);
        };
    }

    /** Only secrets named under the prefix, given by name or by ARN ({@code …:secret:<name>-AbCdEf}). */
    private String fromSecretsManager(String reference, String nameOrArn) {
        int marker = nameOrArn.indexOf(":secret:");
        String name = nameOrArn.startsWith("arn:") && marker > 0 ? nameOrArn.substring(marker + ":secret:".length())
                : nameOrArn;
        if (!name.startsWith(secretsManagerPrefix) || name.contains("..")) {
            throw new SecretUnavailableException("secret reference " + reference + " is outside this deployment's"
                    + " prefix " + secretsManagerPrefix + "; name connection secrets " + secretsManagerPrefix + "…", false,
                    null);
        }
        return secretsManager.resolve(reference);
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
        return "SchemeSecretResolver" + allowedSchemes + "[" + secretsManagerPrefix + ", " + secretsManager + "]";
    }
}
