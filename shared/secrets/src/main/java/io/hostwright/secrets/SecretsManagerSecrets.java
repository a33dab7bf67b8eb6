package io.hostwright.secrets;

import io.hostwright.lambda.aws.AwsClientSettings;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code secretsmanager:<arn-or-name>} references: GetSecretValue of the current version, kept for {@link #TTL} so a
 * warm function does not ask once per message, yet picks up a rotated key within minutes. The SDK client is built on
 * first use, so functions that only read env: or file: secrets never pay for it.
 */
public final class SecretsManagerSecrets implements SecretResolver {

    public static final Duration TTL = Duration.ofMinutes(5);
    private static final String PREFIX = "secretsmanager:";

    private final Supplier<SecretsManagerClient> clientFactory;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile SecretsManagerClient client;

    /** The client as every Hostwright SDK client ({@code AWS_ENDPOINT_URL_SECRETSMANAGER} overrides the endpoint). */
    public SecretsManagerSecrets() {
        this(() -> AwsClientSettings.configure(SecretsManagerClient.builder(), "SECRETSMANAGER").build(), TTL,
                Clock.systemUTC());
    }

    public SecretsManagerSecrets(Supplier<SecretsManagerClient> clientFactory, Duration ttl, Clock clock) {
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Cached(String value, Instant expires) {
        @Override
        public String toString() {
            return "Cached[until " + expires + "]";
        }
    }

    @Override
    public String resolve(String reference) {
        if (!reference.startsWith(PREFIX) || reference.length() == PREFIX.length()) {
            throw new SecretUnavailableException("not a secretsmanager:<arn-or-name> reference: "
                    + (reference.startsWith(PREFIX) ? reference : "(not shown)"), false, null);
        }
        Instant now = clock.instant();
        Cached cached = cache.get(reference);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.value();
        }
        String value = fetch(reference, reference.substring(PREFIX.length()));
        cache.put(reference, new Cached(value, now.plus(ttl)));
        return value;
    }

    private String fetch(String reference, String secretId) {
        GetSecretValueResponse response;
        try {
            response = client().getSecretValue(r -> r.secretId(secretId));
        } catch (ResourceNotFoundException e) {
            throw new SecretUnavailableException("secret " + reference + " does not exist in Secrets Manager", false, null);
        } catch (SecretsManagerException e) {
            boolean retryable = e.isThrottlingException() || e.statusCode() >= 500;
            String code = e.awsErrorDetails() == null ? "no error code" : e.awsErrorDetails().errorCode();
            throw new SecretUnavailableException("Secrets Manager refused secret " + reference + " (" + code + ", HTTP "
                    + e.statusCode() + ")", retryable, e);
        } catch (SdkClientException e) {
            // no answer (network, credentials): the SDK's message says which, and no failure carries a secret's value
            throw new SecretUnavailableException("Secrets Manager could not be reached for secret " + reference,
                    true, e);
        }
        String value = response.secretString() != null ? response.secretString()
                : response.secretBinary() != null ? response.secretBinary().asString(StandardCharsets.UTF_8) : "";
        if (value.isBlank()) {
            throw new SecretUnavailableException("secret " + reference + " is empty in Secrets Manager", false, null);
        }
        return value.strip();
    }

    private SecretsManagerClient client() {
        SecretsManagerClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = clientFactory.get();
                }
                c = client;
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return "SecretsManagerSecrets[" + cache.size() + " cached for " + ttl + "]";
    }
}
