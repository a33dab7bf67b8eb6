package io.hostwright.domain.control;

import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.operation.ActionLock;
import io.hostwright.domain.operation.Caller;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.IdempotencyKeyReused;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.problem.Unavailable;
import io.hostwright.domain.service.InMemoryServices;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client functions' generic rules, on a fake back-end: who may, in which status, with which key, when. */
class ControlServerTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Product PRODUCT = Samples.dedicated("dedi", "fake", "conn-1", Map.of());
    static final Caller ADA = Caller.customer("ada");

    final Map<String, Service> services = new HashMap<>();
    final RecordingServerControl server = new RecordingServerControl();
    final InMemoryActionLocks locks = new InMemoryActionLocks();
    final InMemoryActionAnswers answers = new InMemoryActionAnswers();
    final AtomicInteger ids = new AtomicInteger();
    final ControlServer control = new ControlServer(new InMemoryServices(services),
            FakeBackend.registry(new FakeBackend("fake", null, null, server), new FakeBackend("bare", null, null, null)),
            locks, answers, prefix -> prefix + "_" + ids.incrementAndGet(), Clock.fixed(NOW, ZoneOffset.UTC),
            () -> "Rescue-Pass-1");

    @Test
    void anotherCustomersServiceIsNotFound() {
        service("svc_ada", ServiceStatus.ACTIVE);
        Caller bob = Caller.customer("bob");

        assertThatThrownBy(() -> control.info(bob, "svc_ada")).isInstanceOf(NotFound.class)
                .hasMessage("service svc_ada not found");
        assertThatThrownBy(() -> control.power(bob, "svc_ada", "off", "k1")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> control.usage(bob, "svc_ada", null, null, null)).isInstanceOf(NotFound.class);
        assertThat(server.calls).isEmpty();
    }

    @Test
    void staffMayReadAnyService() {
        service("svc_ada", ServiceStatus.ACTIVE);

        assertThat(control.info(Caller.staff("eve"), "svc_ada").serviceId()).isEqualTo("svc_ada");
    }

    @Test
    void actionsNeedAnActiveServiceAndTheConflictNamesItsStatus() {
        service("svc_ada", ServiceStatus.SUSPENDED);

        Conflict refused = catchThrowableOfType(Conflict.class, () -> control.power(ADA, "svc_ada", "on", "k1"));

        assertThat(refused.field()).isEqualTo("status");
        assertThat(refused).hasMessage("service svc_ada is SUSPENDED; power on needs it to be ACTIVE");
        assertThat(server.calls).isEmpty();
        assertThat(answers.size()).isZero();
    }

    @Test
    void readsAreAllowedWhileSuspended() {
        service("svc_ada", ServiceStatus.SUSPENDED);

        control.info(ADA, "svc_ada");
        control.ips(ADA, "svc_ada");
        control.usage(ADA, "svc_ada", null, null, null);

        assertThat(server.calls).hasSize(3);
    }

    @Test
    void readsAreRefusedBeforeTheServiceIsActive() {
        service("svc_ada", ServiceStatus.PROVISIONING);

        assertThatThrownBy(() -> control.info(ADA, "svc_ada")).isInstanceOf(Conflict.class)
                .hasMessage("service svc_ada is PROVISIONING; read needs it to be ACTIVE or SUSPENDED");
    }

    @Test
    void anActionWithoutAnIdempotencyKeyIsRefusedNamingTheHeader() {
        service("svc_ada", ServiceStatus.ACTIVE);

        assertThat(field(() -> control.power(ADA, "svc_ada", "off", null))).isEqualTo("Idempotency-Key");
        assertThat(field(() -> control.console(ADA, "svc_ada", ""))).isEqualTo("Idempotency-Key");
        assertThat(server.calls).isEmpty();
    }

    @Test
    void theSameKeyAgainAnswersTheCurrentStateWithoutActingAgain() {
        service("svc_ada", ServiceStatus.ACTIVE);

        Acted<String> first = control.power(ADA, "svc_ada", "off", "k1");
        Acted<String> replay = control.power(ADA, "svc_ada", "off", "k1");

        assertThat(first).isEqualTo(new Acted<>("off", false));
        assertThat(replay).isEqualTo(new Acted<>("off", true));
        assertThat(server.calls).containsExactly("power off", "info");
    }

    @Test
    void aReplayedRescueStartDoesNotShowThePasswordAgain() {
        service("svc_ada", ServiceStatus.ACTIVE);

        Acted<RescueAccess> started = control.rescue(ADA, "svc_ada", true, "k1");
        Acted<RescueAccess> replay = control.rescue(ADA, "svc_ada", true, "k1");

        assertThat(started.result()).isEqualTo(new RescueAccess(true, "Rescue-Pass-1"));
        assertThat(replay).isEqualTo(new Acted<>(new RescueAccess(true, null), true));
        assertThat(server.calls).containsExactly("rescue start", "info");
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        service("svc_ada", ServiceStatus.ACTIVE);
        service("svc_ada_2", ServiceStatus.ACTIVE);
        control.power(ADA, "svc_ada", "off", "k1");

        assertThatThrownBy(() -> control.power(ADA, "svc_ada", "on", "k1")).isInstanceOf(IdempotencyKeyReused.class);
        assertThatThrownBy(() -> control.power(ADA, "svc_ada_2", "off", "k1")).isInstanceOf(IdempotencyKeyReused.class);
        assertThat(server.calls).containsExactly("power off");
    }

    @Test
    void anotherCustomerMayUseTheSameKey() {
        service("svc_ada", ServiceStatus.ACTIVE);
        services.put("svc_bob", Samples.service("svc_bob", "bob", PRODUCT, ServiceStatus.ACTIVE));
        control.power(ADA, "svc_ada", "off", "k1");

        assertThat(control.power(Caller.customer("bob"), "svc_bob", "off", "k1").replayed()).isFalse();
    }

    @Test
    void anActionWhileAnotherHoldsTheServicesLockIsAConflictNamingIt() {
        service("svc_ada", ServiceStatus.ACTIVE);
        locks.acquire(new ActionLock("svc_ada", "op_7", "reinstall", NOW.minusSeconds(30), null), NOW);

        assertThatThrownBy(() -> control.power(ADA, "svc_ada", "reset", "k1")).isInstanceOf(Conflict.class)
                .hasMessage("another action (reinstall, started 30 s ago) is still running on service svc_ada; try"
                        + " again when it has ended");
        assertThat(server.calls).isEmpty();
        assertThat(answers.size()).isZero();
        assertThat(locks.current("svc_ada")).get().extracting(ActionLock::holderId).isEqualTo("op_7");
    }

    @Test
    void anActionLetsGoOfTheLockWhenDoneAndWhenItFails() {
        service("svc_ada", ServiceStatus.ACTIVE);
        control.power(ADA, "svc_ada", "off", "k1");
        assertThat(locks.current("svc_ada")).isEmpty();

        server.failNext = new Unavailable("back-end down");
        assertThatThrownBy(() -> control.power(ADA, "svc_ada", "on", "k2")).isInstanceOf(Unavailable.class);

        assertThat(locks.current("svc_ada")).isEmpty();
        assertThat(control.power(ADA, "svc_ada", "on", "k2")).as("a failed action keeps no answer")
                .isEqualTo(new Acted<>("on", false));
    }

    @Test
    void aBackEndWithoutClientFunctionsIsAConflictNamingIt() {
        services.put("svc_bare", Samples.service("svc_bare", "ada",
                Samples.dedicated("bare-product", "bare", "conn-2", Map.of()), ServiceStatus.ACTIVE));

        assertThatThrownBy(() -> control.info(ADA, "svc_bare")).isInstanceOf(Conflict.class)
                .hasMessage("client functions are not supported by the Fake bare back-end");
        assertThatThrownBy(() -> control.power(ADA, "svc_bare", "off", "k1")).isInstanceOf(Conflict.class)
                .hasMessageContaining("Fake bare");
    }

    @Test
    void usageDefaultsToTheLastDayAtTheFinestResolutionThatFits() {
        service("svc_ada", ServiceStatus.ACTIVE);

        UsageSeries usage = control.usage(ADA, "svc_ada", null, null, null);

        assertThat(usage.from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(usage.to()).isEqualTo(NOW);
        assertThat(usage.resolution()).isEqualTo(UsageResolution.FIVE_MINUTES);
    }

    @Test
    void usageUpToTheFutureIsCutAtNow() {
        service("svc_ada", ServiceStatus.ACTIVE);

        UsageSeries usage = control.usage(ADA, "svc_ada", NOW.minusSeconds(3600), NOW.plusSeconds(3600), "hourly");

        assertThat(server.calls).containsExactly("usage " + NOW.minusSeconds(3600) + ".." + NOW + " hourly");
        assertThat(usage.resolution()).isEqualTo(UsageResolution.HOURLY);
    }

    @Test
    void aBadUsageRangeOrResolutionNamesTheField() {
        service("svc_ada", ServiceStatus.ACTIVE);

        assertThat(field(() -> control.usage(ADA, "svc_ada", NOW, NOW.minusSeconds(60), null))).isEqualTo("from");
        assertThat(field(() -> control.usage(ADA, "svc_ada", NOW.plusSeconds(60), NOW.plusSeconds(120), null)))
                .isEqualTo("from");
        assertThat(field(() -> control.usage(ADA, "svc_ada", null, null, "weekly"))).isEqualTo("resolution");
        assertThat(field(() -> control.usage(ADA, "svc_ada", NOW.minus(Duration.ofDays(3)), NOW, "5min")))
                .isEqualTo("to");
        assertThat(server.calls).isEmpty();
    }

    /** Found by HostileReadsTest: {@code to=-1000000000-01-01T00:00:00Z} had a day taken off it and was a 503. */
    @Test
    void aUsageRangeBefore1970NamesTheField() {
        service("svc_ada", ServiceStatus.ACTIVE);

        assertThat(field(() -> control.usage(ADA, "svc_ada", null, Instant.MIN, null))).isEqualTo("to");
        assertThat(field(() -> control.usage(ADA, "svc_ada", Instant.MIN, NOW, "daily"))).isEqualTo("from");
        assertThat(field(() -> control.usage(ADA, "svc_ada", null, Instant.EPOCH.minusSeconds(1), null)))
                .isEqualTo("to");
        assertThat(server.calls).isEmpty();
    }

    @Test
    void aBadPowerCommandOrReverseDnsNameNamesTheField() {
        service("svc_ada", ServiceStatus.ACTIVE);

        assertThat(field(() -> control.power(ADA, "svc_ada", "explode", "k1"))).isEqualTo("action");
        assertThat(field(() -> control.setReverseDns(ADA, "svc_ada", "203.0.113.10", "-bad-", "k2")))
                .isEqualTo("hostname");
        assertThat(server.calls).isEmpty();
    }

    @Test
    void reverseDnsIsSetInLowerCase() {
        service("svc_ada", ServiceStatus.ACTIVE);

        control.setReverseDns(ADA, "svc_ada", "203.0.113.10", " Mail.Example.COM ", "k1");

        assertThat(server.calls).containsExactly("rdns 203.0.113.10 mail.example.com");
    }

    private void service(String serviceId, ServiceStatus status) {
        services.put(serviceId, Samples.service(serviceId, "ada", PRODUCT, status));
    }

    private static String field(ThrowingCallable request) {
        InvalidRequest invalid = catchThrowableOfType(InvalidRequest.class, request);
        assertThat(invalid).as("an InvalidRequest").isNotNull();
        return invalid.violations().getFirst().field();
    }
}
