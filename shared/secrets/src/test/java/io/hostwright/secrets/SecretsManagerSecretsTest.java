package io.hostwright.secrets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Against a loopback stand-in speaking Secrets Manager's JSON 1.1 protocol (X-Amz-Target). */
class SecretsManagerSecretsTest {

    static final String NAME = "hostwright/tenantos/demo";
    static final String REFERENCE = "secretsmanager:" + NAME;

    /** Secret name → [status, JSON body]; requests recorded as target + body. */
    final Map<String, Object[]> answers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final HttpServer server = start();
    final MutableClock clock = new MutableClock();
    final SecretsManagerSecrets secrets = new SecretsManagerSecrets(this::client, Duration.ofMinutes(5), clock);

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/", this::handle);
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        requests.add(target + " " + body);
        String id = body.replaceAll(".*\"SecretId\"\\s*:\\s*\"([^\"]*)\".*", "$1");
        Object[] answer = answers.getOrDefault(id, new Object[]{400,
                "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}"});
        byte[] bytes = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders((Integer) answer[0], bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    SecretsManagerClient client() {
        return SecretsManagerClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(5)).build())
                .build();
    }

    void secretString(String name, String value) {
        answers.put(name, new Object[]{200, "{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:000000000000:secret:" + name
                + "-AbCdEf\",\"Name\":\"" + name + "\",\"SecretString\":\"" + value + "\",\"VersionId\":\"v1\"}"});
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsTheSecretStringWithGetSecretValue() {
        secretString(NAME, "tenantos-key-1\\n");

        assertThat(secrets.resolve(REFERENCE)).isEqualTo("tenantos-key-1");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).startsWith("secretsmanager.GetSecretValue ").contains("\"SecretId\":\"" + NAME + "\"");
    }

    @Test
    void keepsTheValueForItsTtlThenReadsItAgain() {
        secretString(NAME, "tenantos-key-1");
        assertThat(secrets.resolve(REFERENCE)).isEqualTo("tenantos-key-1");

        secretString(NAME, "tenantos-key-2"); // rotated
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(secrets.resolve(REFERENCE)).isEqualTo("tenantos-key-1");
        assertThat(requests).hasSize(1);

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(secrets.resolve(REFERENCE)).isEqualTo("tenantos-key-2");
        assertThat(requests).hasSize(2);
        assertThat(secrets.toString()).doesNotContain("tenantos-key");
    }

    @Test
    void readsABinarySecretAsText() {
        answers.put(NAME, new Object[]{200, "{\"Name\":\"" + NAME + "\",\"SecretBinary\":\"YmluYXJ5LWtleQ==\"}"});

        assertThat(secrets.resolve(REFERENCE)).isEqualTo("binary-key");
    }

    @Test
    void aMissingSecretIsNamedAndNotRetryable() {
        SecretUnavailableException e = catchThrowableOfType(SecretUnavailableException.class,
                () -> secrets.resolve("secretsmanager:absent"));

        assertThat(e).hasMessage("secret secretsmanager:absent does not exist in Secrets Manager");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aServiceErrorIsRetryableAndNotCached() {
        answers.put(NAME, new Object[]{500, "{\"__type\":\"InternalServiceError\",\"Message\":\"boom\"}"});

        SecretUnavailableException e = catchThrowableOfType(SecretUnavailableException.class, () -> secrets.resolve(REFERENCE));
        assertThat(e).hasMessageContaining(REFERENCE).hasMessageContaining("InternalServiceError");
        assertThat(e.retryable()).isTrue();

        secretString(NAME, "tenantos-key-1");
        assertThat(secrets.resolve(REFERENCE)).isEqualTo("tenantos-key-1");
    }

    @Test
    void anUnreachableServiceIsRetryable() {
        server.stop(0);

        SecretUnavailableException e = catchThrowableOfType(SecretUnavailableException.class, () -> secrets.resolve(REFERENCE));

        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessageContaining(REFERENCE);
    }

    @Test
    void buildsItsClientLikeEveryHostwrightClient() {
        secretString(NAME, "via-settings");
        String[] properties = {"AWS_ENDPOINT_URL_SECRETSMANAGER", "aws.accessKeyId", "aws.secretAccessKey"};
        System.setProperty(properties[0], "http://127.0.0.1:" + server.getAddress().getPort());
        System.setProperty(properties[1], "test");
        System.setProperty(properties[2], "test");
        try {
            assertThat(new SchemeSecretResolver().resolve(REFERENCE)).isEqualTo("via-settings");
        } finally {
            for (String p : properties) {
                System.clearProperty(p);
            }
        }
    }
}
