package io.hostwright.backends.contract;

import io.hostwright.domain.backend.BackendFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * What the step machinery relies on from every back-end's API adapter, checked against the back-end itself (its
 * simulator, or a real installation): a {@link BackendFailure.Transient} is retried later and a
 * {@link BackendFailure.Permanent} ends the step, so which is which must be right; the adapter repeats safe calls
 * through transient failures and never repeats an unsafe one; no failure shows the credential.
 *
 * <p>A back-end's test extends this with its API port as {@code A}: it starts a fresh {@link BackendUnderTest} and
 * names one safe call, one unsafe call and every call its module makes. How a failure is classified is checked on
 * the unsafe call with the back-end failing every call, so the adapter's verdict arrives as it is whether it retries
 * or not; the unsafe call is only ever made with a failure scripted on it. Checks that script failures or count
 * calls need {@link BackendUnderTest#failures()}: against a real installation they are skipped with a message saying
 * so.
 *
 * @param <A> the back-end's API port
 */
public abstract class BackendApiContract<A> {

    /** The back-end's own words on a refusal: the failure must carry them. */
    static final String REFUSAL = "contract check: the back-end refuses this";

    /** More calls than any adapter tries: the back-end keeps failing, so how the failure is classified shows. */
    private static final int EVERY_CALL = 100;

    private BackendUnderTest<A> backend;

    /** A fresh back-end: as seeded, nothing scripted, nothing counted. */
    protected abstract BackendUnderTest<A> startBackend();

    /** A call the adapter repeats through transient failures, e.g. a read of something the seed holds. */
    protected abstract ApiCall<A> safeCall();

    /** A call the adapter makes once whatever happens, e.g. one that creates or starts something. */
    protected abstract ApiCall<A> unsafeCall();

    /** Every call the back-end's module makes, each of which succeeds on a fresh back-end. */
    protected abstract List<ApiCall<A>> callsTheModuleUses();

    /**
     * The route where the back-end checks the credential: the safe call's own, where every call carries it (an API
     * key). A back-end whose adapter first trades the credential for a session names its login route here (e.g.
     * {@code POST /auth/token}): a wrong credential is refused there, and the safe call is then never made.
     */
    protected String credentialRoute() {
        return safeCall().route();
    }

    /** The running test's back-end, started on first use and closed after the test. */
    protected final BackendUnderTest<A> backend() {
        if (backend == null) {
            backend = startBackend();
        }
        return backend;
    }

    @AfterEach
    final void closeBackend() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    @Test
    void aWrongCredentialIsPermanent() {
        String wrong = "contract-wrong-credential-" + UUID.randomUUID();

        BackendFailure failure = failureOf(backend(), backend().clientWithCredential(wrong), safeCall());

        assertThat(failure).isInstanceOf(BackendFailure.Permanent.class);
        assertThat(failure.status()).as("status").isIn(401, 403);
        assertThat(shown(failure)).as("what the failure shows").doesNotContain(wrong);
    }

    @Test
    void aWrongCredentialIsTriedOnce() {
        ScriptedFailures failures = failures();

        failureOf(backend(), backend().clientWithCredential("contract-wrong-credential"), safeCall());

        assertThat(failures.callsReceived(credentialRoute())).as("calls of %s", credentialRoute()).isEqualTo(1);
        if (!credentialRoute().equals(safeCall().route())) {
            assertThat(failures.callsReceived(safeCall().route())).as("calls of %s without a session", safeCall())
                    .isZero();
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 404, 409, 422})
    void aRefusalIsPermanentCarriesTheBackendsWordsAndIsTriedOnce(int status) {
        ScriptedFailures failures = failures();
        // some back-ends echo the key they were sent: failureOf checks that it is not shown
        failures.answer(safeCall().route(), 1, ErrorAnswer.of(status, REFUSAL + " (key " + backend().credential() + ")"));

        BackendFailure failure = failureOf(backend(), backend().client(), safeCall());

        assertThat(failure).isInstanceOf(BackendFailure.Permanent.class);
        assertThat(failure.status()).as("status").isEqualTo(status);
        assertThat(failure.getMessage()).contains(REFUSAL);
        assertThat(failures.callsReceived(safeCall().route())).as("calls of %s", safeCall()).isEqualTo(1);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504})
    void aServerErrorIsTransient(int status) {
        failures().answer(unsafeCall().route(), EVERY_CALL, ErrorAnswer.of(status, TransientFailure.MESSAGE));

        BackendFailure failure = failureOf(backend(), backend().client(), unsafeCall());

        assertThat(failure).isInstanceOf(BackendFailure.Transient.class);
        assertThat(failure.status()).as("status").isEqualTo(status);
        assertThat(((BackendFailure.Transient) failure).retryAfter()).as("retryAfter, none sent").isNull();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 503})
    void aRetryAfterIsPassedOn(int status) {
        failures().answer(unsafeCall().route(), EVERY_CALL,
                ErrorAnswer.of(status, TransientFailure.MESSAGE).withRetryAfter(Duration.ofSeconds(7)));

        BackendFailure failure = failureOf(backend(), backend().client(), unsafeCall());

        assertThat(failure).isInstanceOf(BackendFailure.Transient.class);
        assertThat(failure.status()).as("status").isEqualTo(status);
        assertThat(((BackendFailure.Transient) failure).retryAfter()).as("retryAfter").isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void noAnswerInTimeIsTransient() {
        failures().hang(unsafeCall().route(), EVERY_CALL);

        BackendFailure failure = failureOf(backend(), backend().client(), unsafeCall());

        assertThat(failure).isInstanceOf(BackendFailure.Transient.class);
        assertThat(failure.status()).as("status, no answer came").isZero();
    }

    @Test
    void aRefusedConnectionIsTransient() {
        BackendFailure failure = failureOf(backend(), backend().clientAt(nothingListens()), safeCall());

        assertThat(failure).isInstanceOf(BackendFailure.Transient.class);
        assertThat(failure.status()).as("status, no answer came").isZero();
    }

    @ParameterizedTest
    @EnumSource(TransientFailure.class)
    void aSafeCallIsRepeatedThroughATransientFailure(TransientFailure transientFailure) {
        ScriptedFailures failures = failures();
        transientFailure.script(failures, safeCall().route());

        succeeds(backend(), backend().client(), safeCall());

        assertThat(failures.callsReceived(safeCall().route())).as("calls of %s", safeCall())
                .isEqualTo(transientFailure.times + 1);
    }

    @ParameterizedTest
    @EnumSource(TransientFailure.class)
    void anUnsafeCallIsMadeOnceThroughATransientFailure(TransientFailure transientFailure) {
        ScriptedFailures failures = failures();
        transientFailure.script(failures, unsafeCall().route());

        BackendFailure failure = failureOf(backend(), backend().client(), unsafeCall());

        // the step gets the failure and reconciles (reads the back-end) before it tries again
        assertThat(failure).isInstanceOf(BackendFailure.Transient.class);
        assertThat(failure.status()).as("status").isEqualTo(transientFailure.status);
        assertThat(failures.callsReceived(unsafeCall().route())).as("calls of %s, a repeat could do it twice",
                unsafeCall()).isEqualTo(1);
    }

    @TestFactory
    Stream<DynamicTest> everyCallTheModuleUsesWorks() {
        return forEachCallOfTheModule(call -> dynamicTest(call.toString(), () -> {
            try (BackendUnderTest<A> fresh = startBackend()) {
                succeeds(fresh, fresh.client(), call);
                // a simulator also shows the route is named right, so failures scripted on it land
                if (fresh.failures().isPresent()) {
                    assertThat(fresh.failures().get().callsReceived(call.route())).as("calls of %s", call).isEqualTo(1);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCallTheModuleUsesIsRepeatedOnlyWhenSafe() {
        return forEachCallOfTheModule(call -> dynamicTest(call + (call.safeToRepeat() ? " is repeated" : " is made once"), () -> {
            try (BackendUnderTest<A> fresh = startBackend()) {
                ScriptedFailures failures = failuresOf(fresh);
                failures.answer(call.route(), 1, ErrorAnswer.of(503, TransientFailure.MESSAGE));
                if (call.safeToRepeat()) {
                    succeeds(fresh, fresh.client(), call);
                    assertThat(failures.callsReceived(call.route())).as("calls of %s", call).isEqualTo(2);
                } else {
                    assertThat(failureOf(fresh, fresh.client(), call)).isInstanceOf(BackendFailure.Transient.class);
                    assertThat(failures.callsReceived(call.route())).as("calls of %s", call).isEqualTo(1);
                }
            }
        }));
    }

    /**
     * One dynamic test per call of the module. When listing them is skipped (no installation named), one skipped test
     * says so: a skipped factory shows in no Surefire report.
     */
    private Stream<DynamicTest> forEachCallOfTheModule(Function<ApiCall<A>, DynamicTest> test) {
        List<ApiCall<A>> calls;
        try {
            calls = callsTheModuleUses();
        } catch (TestAbortedException skipped) {
            return Stream.of(dynamicTest("the calls the module uses", () -> {
                throw skipped;
            }));
        }
        assertThat(calls).as("the calls the module uses").isNotEmpty();
        return calls.stream().map(test);
    }

    private ScriptedFailures failures() {
        return failuresOf(backend());
    }

    private static ScriptedFailures failuresOf(BackendUnderTest<?> backend) {
        return backend.failures().orElseGet(() -> Assumptions.abort(backend.name() + " cannot fail on demand or count"
                + " calls, so this check did not run here: it runs against the back-end's simulator"));
    }

    private void succeeds(BackendUnderTest<A> on, A client, ApiCall<A> call) {
        assertThatCode(() -> call.use().on(client)).as("%s on %s", call, on.name()).doesNotThrowAnyException();
    }

    /** The failure the call ends in, which must be a back-end failure that does not show the credential. */
    private BackendFailure failureOf(BackendUnderTest<A> on, A client, ApiCall<A> call) {
        Throwable thrown = catchThrowable(() -> call.use().on(client));
        assertThat(thrown).as("how %s on %s fails", call, on.name()).isInstanceOf(BackendFailure.class);
        assertThat(shown(thrown)).as("what the failure of %s shows", call).doesNotContain(on.credential());
        return (BackendFailure) thrown;
    }

    /** All that a log line or a staff mail could show of a failure: messages and stack trace, causes included. */
    private static String shown(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** A local address where nothing listens: a port the system handed out and took back. */
    private static String nothingListens() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port to leave closed", e);
        }
    }
}
