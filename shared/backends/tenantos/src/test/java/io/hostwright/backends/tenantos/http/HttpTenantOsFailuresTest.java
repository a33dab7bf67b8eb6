package io.hostwright.backends.tenantos.http;

import io.hostwright.domain.backend.BackendFailure;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How answers that are not a success become transient or permanent failures, and that none of them shows the key. */
class HttpTenantOsFailuresTest {

    static final String KEY = "hw-test-key-3f9a";
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    final FakeTenantOs tenantOs = new FakeTenantOs();
    final HttpTenantOsApi api = new HttpTenantOsApi(tenantOs.baseUrl(), KEY, Duration.ofSeconds(1),
            Duration.ofMillis(400), Clock.fixed(NOW, ZoneOffset.UTC));
    final List<BackendFailure> failures = new ArrayList<>();

    @AfterEach
    void noFailureShowsTheKey() {
        tenantOs.close();
        for (BackendFailure f : failures) {
            StringWriter trace = new StringWriter();
            f.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(KEY).doesNotContain("Root-Pw-1").doesNotContain("s3cret-Pw");
        }
    }

    <T extends BackendFailure> T failure(Class<T> type, ThrowingCallable call) {
        T failure = catchThrowableOfType(type, call);
        assertThat(failure).as("expected a %s", type.getSimpleName()).isNotNull();
        failures.add(failure);
        return failure;
    }

    @Test
    void serverErrorIsTransient() {
        tenantOs.error("GET", "/api/servers/101", 500, "Server Error", Map.of());

        BackendFailure.Transient t = failure(BackendFailure.Transient.class, () -> api.server(101));

        assertThat(t.status()).isEqualTo(500);
        assertThat(t.retryAfter()).isNull();
        assertThat(t.getMessage()).isEqualTo("TenantOS GET /api/servers/{id} (101): HTTP 500 Server Error");
    }

    @Test
    void unavailableWithRetryAfterSecondsIsTransientWithThatWait() {
        tenantOs.error("GET", "/api/servers/101/ipassignments", 503, "Maintenance", Map.of("Retry-After", "7"));

        BackendFailure.Transient t = failure(BackendFailure.Transient.class, () -> api.ipAssignments(101));

        assertThat(t.status()).isEqualTo(503);
        assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void tooManyRequestsWithAnHttpDateIsTransientUntilThatDate() {
        tenantOs.error("POST", "/api/servers/getByTags", 429, "Too Many Attempts.",
                Map.of("Retry-After", "Sat, 01 Mar 2025 10:00:42 GMT"));

        BackendFailure.Transient t = failure(BackendFailure.Transient.class, () -> api.serversByTags(List.of("forRent")));

        assertThat(t.status()).isEqualTo(429);
        assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void notFoundIsPermanentAndNamesTheCall() {
        tenantOs.error("GET", "/api/servers/999/provisioning/getProfiles", 404, "Server not found", Map.of());

        BackendFailure.Permanent p = failure(BackendFailure.Permanent.class, () -> api.provisioningProfiles(999));

        assertThat(p.status()).isEqualTo(404);
        assertThat(p.getMessage()).isEqualTo(
                "TenantOS GET /api/servers/{id}/provisioning/getProfiles (999): HTTP 404 Server not found");
    }

    @Test
    void validationErrorIsPermanentWithTheFieldsButNotTheSentPassword() {
        tenantOs.raw("POST", "/api/users", 422, """
                {"result":null,"message":"The given data was invalid.",
                 "errors":{"email":["The email has already been taken."],"password":["s3cret-Pw is too weak"]}}""");

        BackendFailure.Permanent p = failure(BackendFailure.Permanent.class,
                () -> api.createUser("bob", "bob", "bob@example.com", "s3cret-Pw", 3));

        assertThat(p.status()).isEqualTo(422);
        assertThat(p.getMessage()).startsWith("TenantOS POST /api/users: HTTP 422 The given data was invalid.")
                .contains("email: The email has already been taken.")
                .contains("password: *** is too weak");
    }

    @Test
    void rejectedKeyIsPermanentWithoutEchoingIt() {
        tenantOs.error("GET", "/api/users", 401, "Invalid token " + KEY, Map.of());

        BackendFailure.Permanent p = failure(BackendFailure.Permanent.class, () -> api.findUserByEmail("a@b.c"));

        assertThat(p.status()).isEqualTo(401);
        assertThat(p.getMessage()).contains("API key was rejected");
    }

    @Test
    void echoedKeyAndPasswordAreScrubbed() {
        tenantOs.error("POST", "/api/servers/101/provisioning/startReinstallation", 400,
                "bad request from " + KEY + " with Root-Pw-1", Map.of());

        BackendFailure.Permanent p = failure(BackendFailure.Permanent.class,
                () -> api.startReinstallation(101, 12, "web1.example.com", "Root-Pw-1"));

        assertThat(p.getMessage()).endsWith("HTTP 400 bad request from *** with ***");
    }

    @Test
    void slowAnswerIsATransientTimeout() {
        tenantOs.answer("GET", "/api/servers/101/provisioning/getInstallStatus",
                new FakeTenantOs.Answer(200, "{\"result\":{\"status\":\"none\"}}", Map.of(), Duration.ofSeconds(3)));
        long start = System.nanoTime();

        BackendFailure.Transient t = failure(BackendFailure.Transient.class, () -> api.installStatus(101));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(t.status()).isZero();
        assertThat(t.getMessage()).contains("no answer within 400 ms");
    }

    @Test
    void refusedConnectionIsTransient() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpTenantOsApi closed = new HttpTenantOsApi("http://127.0.0.1:" + port, KEY);

        BackendFailure.Transient t = failure(BackendFailure.Transient.class, () -> closed.server(101));

        assertThat(t.status()).isZero();
        assertThat(t.getMessage()).startsWith("TenantOS GET /api/servers/{id} (101): ");
    }

    @Test
    void garbageIsPermanent() {
        tenantOs.raw("GET", "/api/servers/101", 200, "<html>Login</html>");

        BackendFailure.Permanent p = failure(BackendFailure.Permanent.class, () -> api.server(101));

        assertThat(p.status()).isEqualTo(200);
        assertThat(p.getMessage()).contains("not a TenantOS {result, message} envelope");
    }

    @Test
    void jsonWithoutTheEnvelopeIsPermanent() {
        tenantOs.raw("GET", "/api/servers/101", 200, "{\"id\":101}");

        failure(BackendFailure.Permanent.class, () -> api.server(101));
    }

    @Test
    void aServerWithoutAnIdIsPermanent() {
        tenantOs.result("GET", "/api/servers/101", "{\"hostname\":\"x\"}");

        BackendFailure.Permanent p = failure(BackendFailure.Permanent.class, () -> api.server(101));

        assertThat(p.getMessage()).isEqualTo("TenantOS GET /api/servers/{id} (101): unexpected answer: server has no numeric id");
    }

    @Test
    void aListThatIsNotAListIsPermanent() {
        tenantOs.result("GET", "/api/users", "\"users\"");

        BackendFailure.Permanent p = failure(BackendFailure.Permanent.class, () -> api.findUserByEmail("a@b.c"));

        assertThat(p.getMessage()).contains("expected a list of users, got string");
    }

    @Test
    void anUnknownInstallStatusIsPermanent() {
        tenantOs.result("GET", "/api/servers/101/provisioning/getInstallStatus", "{\"status\":\"exploded\"}");

        BackendFailure.Permanent p = failure(BackendFailure.Permanent.class, () -> api.installStatus(101));

        assertThat(p.getMessage()).contains("unknown install status 'exploded'");
    }

    @Test
    void aRedirectIsPermanent() {
        tenantOs.answer("GET", "/api/servers/101",
                new FakeTenantOs.Answer(302, "", Map.of("Location", "/login"), Duration.ZERO));

        BackendFailure.Permanent p = failure(BackendFailure.Permanent.class, () -> api.server(101));

        assertThat(p.status()).isEqualTo(302);
    }

    @Test
    void aBadBaseUrlIsRefusedAtConstruction() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new HttpTenantOsApi("ftp://x", KEY)))
                .hasMessageNotContaining(KEY);
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new HttpTenantOsApi("https://tenantos.example.com", " "))).isNotNull();
    }
}
