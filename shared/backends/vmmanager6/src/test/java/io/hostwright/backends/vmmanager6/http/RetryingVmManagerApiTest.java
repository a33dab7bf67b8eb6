package io.hostwright.backends.vmmanager6.http;

import io.hostwright.backends.vmmanager6.VmManagerApi;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How {@link RetryingVmManagerApi} waits, on a fake clock: the sleeper only records and advances time, so nothing
 * here waits. Which calls it repeats is the contract suite's ({@link VmManagerApiContractTest}).
 */
class RetryingVmManagerApiTest {

    final Deque<RuntimeException> failures = new ArrayDeque<>();
    final List<String> calls = new ArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();
    long nanos;
    double jitter = 0.999_999;

    /** Every call is noted and throws the next scripted failure, or answers an empty list / nothing. */
    final VmManagerApi scripted = (VmManagerApi) Proxy.newProxyInstance(VmManagerApi.class.getClassLoader(),
            new Class<?>[] {VmManagerApi.class}, (proxy, method, args) -> {
                if (method.getName().equals("baseUrl")) {
                    return "http://vm.invalid";
                }
                calls.add(method.getName());
                RuntimeException failure = failures.poll();
                if (failure != null) {
                    throw failure;
                }
                return method.getReturnType() == List.class ? List.of()
                        : method.getReturnType() == Optional.class ? Optional.empty() : null;
            });

    RetryingVmManagerApi retrying(RetryPolicy policy) {
        return new RetryingVmManagerApi(scripted, policy, wait -> {
            sleeps.add(wait);
            nanos += wait.toNanos();
        }, () -> nanos, () -> jitter);
    }

    static BackendFailure.Transient asleep(String n) {
        return new BackendFailure.Transient("VMmanager GET /vm/v3/os: HTTP 503 #" + n, 503, null, null);
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void theDefaultWaitsAtMostHalfASecondFirstAndThreeAndAHalfInAll() {
        failures.addAll(List.of(asleep("1"), asleep("2"), asleep("3")));

        assertThat(retrying(RetryingVmManagerApi.DEFAULT_POLICY).osTemplates()).isEmpty();

        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void givesUpAfterFourCallsWithTheLastFailure() {
        BackendFailure.Transient last = asleep("4");
        failures.addAll(List.of(asleep("1"), asleep("2"), asleep("3"), last, asleep("5")));
        jitter = 0.1;

        assertThat(catchThrowable(() -> retrying(RetryingVmManagerApi.DEFAULT_POLICY).hostsWithComment("svc_1")))
                .isSameAs(last);
        assertThat(calls).hasSize(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void fullJitterStaysUnderTheCappedExponentialCeiling() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            long ceiling = Math.min(2000, 500L << (attempt - 1));
            assertThat(RetryingVmManagerApi.DEFAULT_POLICY.delay(attempt, 0.0)).isZero();
            assertThat(RetryingVmManagerApi.DEFAULT_POLICY.delay(attempt, 0.999_999))
                    .isEqualTo(Duration.ofMillis(ceiling));
        }
    }

    @Test
    void waitsAtLeastWhatRetryAfterAsks() {
        jitter = 0.0;
        failures.add(new BackendFailure.Transient("HTTP 429", 429, Duration.ofSeconds(3), null));

        retrying(RetryingVmManagerApi.DEFAULT_POLICY).task("70001", "host_create");

        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void givesUpAtOnceWhenRetryAfterDoesNotFitTheBudget() {
        BackendFailure.Transient throttled = new BackendFailure.Transient("HTTP 503", 503, Duration.ofSeconds(30), null);
        failures.add(throttled);

        Throwable thrown = catchThrowable(() -> retrying(RetryingVmManagerApi.DEFAULT_POLICY).ipv4(101));

        assertThat(thrown).isSameAs(throttled);
        assertThat(((BackendFailure.Transient) thrown).retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(calls).hasSize(1);
    }

    @Test
    void stopsWhenTheNextWaitWouldOverrunTheTimeBudget() {
        // waits 1 s and 2 s fit in 5 s; the third (4 s) would end at 7 s
        RetryPolicy tight = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(5));
        failures.addAll(List.of(asleep("1"), asleep("2"), asleep("3"), asleep("4")));

        Throwable thrown = catchThrowable(() -> retrying(tight).hostsOfAccount(3));

        assertThat(thrown).hasMessageEndingWith("#3");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void neverRepeatsAPermanentFailure() {
        BackendFailure.Permanent refused = new BackendFailure.Permanent("HTTP 403 code 3001", 403, null);
        failures.add(refused);

        assertThat(catchThrowable(() -> retrying(RetryingVmManagerApi.DEFAULT_POLICY).host(101))).isSameAs(refused);
        assertThat(calls).hasSize(1);
    }

    @Test
    void anInterruptedWaitEndsTheRetriesWithTheFailure() {
        BackendFailure.Transient first = asleep("1");
        failures.addAll(List.of(first, asleep("2")));
        RetryingVmManagerApi api = new RetryingVmManagerApi(scripted, RetryingVmManagerApi.DEFAULT_POLICY,
                wait -> Thread.currentThread().interrupt(), () -> nanos, () -> jitter);

        assertThat(catchThrowable(() -> api.findAccountByEmail("a@example.com"))).isSameAs(first);
        assertThat(calls).hasSize(1);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
