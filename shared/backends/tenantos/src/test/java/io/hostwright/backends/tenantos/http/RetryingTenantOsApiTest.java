package io.hostwright.backends.tenantos.http;

import io.hostwright.backends.tenantos.PowerAction;
import io.hostwright.backends.tenantos.TenantOsApi;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Retries on a fake clock: the sleeper only records and advances time, so nothing here waits. */
class RetryingTenantOsApiTest {

    static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(8));

    final ScriptedApi scripted = new ScriptedApi();
    final List<Duration> sleeps = new ArrayList<>();
    long nanos;
    double jitter = 0.999_999;

    RetryingTenantOsApi retrying(RetryPolicy policy) {
        return new RetryingTenantOsApi(scripted, policy, wait -> {
            sleeps.add(wait);
            nanos += wait.toNanos();
        }, () -> nanos, () -> jitter);
    }

    static BackendFailure.Transient unavailable(String n) {
        return new BackendFailure.Transient("TenantOS GET /api/servers/{id} (101): HTTP 503 #" + n, 503, null, null);
    }

    static BackendFailure.Transient throttled(Duration retryAfter) {
        return new BackendFailure.Transient("TenantOS GET /api/servers/{id} (101): HTTP 429", 429, retryAfter, null);
    }

    @Test
    void retriesATransientFailureAndReturnsTheAnswer() {
        scripted.failing(unavailable("1"), unavailable("2"));

        assertThat(retrying(POLICY).server(101)).isEqualTo(ScriptedApi.SERVER);

        assertThat(scripted.calls).containsExactly("server", "server", "server");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        BackendFailure.Transient last = unavailable("4");
        scripted.failing(unavailable("1"), unavailable("2"), unavailable("3"), last, unavailable("5"));
        jitter = 0.1;

        Throwable thrown = catchThrowable(() -> retrying(POLICY).ipAssignments(101));

        assertThat(thrown).isSameAs(last);
        assertThat(scripted.calls).hasSize(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void fullJitterStaysUnderTheCappedExponentialCeiling() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            long ceiling = Math.min(4000, 1000L << (attempt - 1));
            assertThat(POLICY.delay(attempt, 0.0)).isZero();
            assertThat(POLICY.delay(attempt, 0.999_999)).isEqualTo(Duration.ofMillis(ceiling));
            assertThat(POLICY.delay(attempt, 0.5)).isBetween(Duration.ofMillis(ceiling / 2 - 1), Duration.ofMillis(ceiling / 2 + 1));
        }
    }

    @Test
    void waitsAtLeastWhatRetryAfterAsks() {
        jitter = 0.0;
        scripted.failing(throttled(Duration.ofSeconds(3)));

        retrying(POLICY).serversByTags(List.of("forRent"));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void givesUpAtOnceWhenRetryAfterDoesNotFitTheBudget() {
        BackendFailure.Transient throttled = throttled(Duration.ofSeconds(30));
        scripted.failing(throttled);

        Throwable thrown = catchThrowable(() -> retrying(POLICY).installStatus(101));

        assertThat(thrown).isSameAs(throttled);
        assertThat(((BackendFailure.Transient) thrown).retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(scripted.calls).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void stopsWhenTheNextWaitWouldOverrunTheTimeBudget() {
        // waits 1 s and 2 s fit in 5 s; the third (4 s) would end at 7 s
        RetryPolicy tight = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(5));
        scripted.failing(unavailable("1"), unavailable("2"), unavailable("3"), unavailable("4"));

        Throwable thrown = catchThrowable(() -> retrying(tight).provisioningProfiles(101));

        assertThat(thrown).hasMessageEndingWith("#3");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void neverRetriesAPermanentFailure() {
        BackendFailure.Permanent notFound = new BackendFailure.Permanent("HTTP 404", 404, null);
        scripted.failing(notFound);

        assertThat(catchThrowable(() -> retrying(POLICY).server(101))).isSameAs(notFound);
        assertThat(scripted.calls).hasSize(1);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> unsafeCalls() {
        return Stream.of(
                arguments("createUser", (Consumer<TenantOsApi>) api -> api.createUser("a", "a", "a@b.c", "pw", 3)),
                arguments("addIpAssignment", (Consumer<TenantOsApi>) api -> api.addIpAssignment(101, 10, "203.0.113.40")),
                arguments("startReinstallation", (Consumer<TenantOsApi>) api -> api.startReinstallation(101, 12, "h", "pw")),
                arguments("startRescue", (Consumer<TenantOsApi>) api -> api.startRescue(101, "Rescue-Pw-1")),
                arguments("power RESET", (Consumer<TenantOsApi>) api -> api.power(101, PowerAction.RESET)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeCalls")
    void neverRepeatsACallThatMayHaveHappened(String name, Consumer<TenantOsApi> call) {
        BackendFailure.Transient lost = unavailable("1");
        scripted.failing(lost);

        assertThat(catchThrowable(() -> call.accept(retrying(POLICY)))).isSameAs(lost);
        assertThat(scripted.calls).containsExactly(name);
        assertThat(sleeps).isEmpty();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> safeCalls() {
        return Stream.of(
                arguments("findUserByEmail", (Consumer<TenantOsApi>) api -> api.findUserByEmail("a@b.c")),
                arguments("serversByTags", (Consumer<TenantOsApi>) api -> api.serversByTags(List.of("forRent"))),
                arguments("server", (Consumer<TenantOsApi>) api -> api.server(101)),
                arguments("updateServer", (Consumer<TenantOsApi>) api -> api.updateServer(101, 7, "h", List.of())),
                arguments("ipAssignments", (Consumer<TenantOsApi>) api -> api.ipAssignments(101)),
                arguments("assignableSubnets", (Consumer<TenantOsApi>) api -> api.assignableSubnets(101)),
                arguments("assignableIps", (Consumer<TenantOsApi>) api -> api.assignableIps(101, 10)),
                arguments("removeIpAssignment", (Consumer<TenantOsApi>) api -> api.removeIpAssignment(101, 5001)),
                arguments("provisioningProfiles", (Consumer<TenantOsApi>) api -> api.provisioningProfiles(101)),
                arguments("pxeProfiles", (Consumer<TenantOsApi>) TenantOsApi::pxeProfiles),
                arguments("installStatus", (Consumer<TenantOsApi>) api -> api.installStatus(101)),
                arguments("setSuspendedUsers", (Consumer<TenantOsApi>) api -> api.setSuspendedUsers(101, List.of(7L))),
                arguments("serversOwnedBy", (Consumer<TenantOsApi>) api -> api.serversOwnedBy(7)),
                arguments("deleteUser", (Consumer<TenantOsApi>) api -> api.deleteUser(7)),
                arguments("power ON", (Consumer<TenantOsApi>) api -> api.power(101, PowerAction.ON)),
                arguments("power OFF", (Consumer<TenantOsApi>) api -> api.power(101, PowerAction.OFF)),
                arguments("networkPorts", (Consumer<TenantOsApi>) api -> api.networkPorts(101)),
                arguments("setPortEnabled", (Consumer<TenantOsApi>) api -> api.setPortEnabled(101, 1011, false)),
                arguments("setReverseDns", (Consumer<TenantOsApi>) api -> api.setReverseDns(101, "203.0.113.11", "a.example.com")),
                arguments("ssoLink", (Consumer<TenantOsApi>) api -> api.ssoLink(7, "/servers", Duration.ofMinutes(5))),
                arguments("stopRescue", (Consumer<TenantOsApi>) api -> api.stopRescue(101)),
                arguments("networkTraffic", (Consumer<TenantOsApi>) api -> api.networkTraffic(101, "5min",
                        java.time.Instant.EPOCH, java.time.Instant.EPOCH.plusSeconds(600))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("safeCalls")
    void retriesEveryCallThatIsSafeToRepeat(String name, Consumer<TenantOsApi> call) {
        scripted.failing(unavailable("1"));

        call.accept(retrying(POLICY));

        assertThat(scripted.calls).containsExactly(name, name);
    }

    @Test
    void aRepeatedDeleteThatFindsNothingHasDoneItsWork() {
        scripted.failing(unavailable("lost answer"), new BackendFailure.Permanent("HTTP 404", 404, null));

        retrying(POLICY).removeIpAssignment(101, 5001);

        assertThat(scripted.calls).containsExactly("removeIpAssignment", "removeIpAssignment");
    }

    @Test
    void aRepeatedUserDeleteThatFindsNothingIsLeftToTheCaller() {
        BackendFailure.Permanent notFound = new BackendFailure.Permanent("HTTP 404", 404, null);
        scripted.failing(unavailable("lost answer"), notFound);

        assertThat(catchThrowable(() -> retrying(POLICY).deleteUser(7))).isSameAs(notFound);
        assertThat(scripted.calls).containsExactly("deleteUser", "deleteUser");
    }

    @Test
    void retriedCallsHandBackTheirAnswer() {
        scripted.failing(unavailable("1"));
        assertThat(retrying(POLICY).ssoLink(7, "/servers", Duration.ofMinutes(5))).isEqualTo(ScriptedApi.SSO_LINK);
        scripted.failing(unavailable("2"));
        assertThat(retrying(POLICY).networkPorts(101)).containsExactly(ScriptedApi.PORT);
    }

    @Test
    void aFirstDeleteThatFindsNothingIsStillAFailure() {
        BackendFailure.Permanent notFound = new BackendFailure.Permanent("HTTP 404", 404, null);
        scripted.failing(notFound);

        assertThat(catchThrowable(() -> retrying(POLICY).removeIpAssignment(101, 5001))).isSameAs(notFound);
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
        BackendFailure.Transient first = unavailable("1");
        scripted.failing(first);
        RetryingTenantOsApi api = new RetryingTenantOsApi(scripted, POLICY, wait -> {
            throw new InterruptedException();
        });

        try {
            assertThat(catchThrowable(() -> api.server(101))).isSameAs(first);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
