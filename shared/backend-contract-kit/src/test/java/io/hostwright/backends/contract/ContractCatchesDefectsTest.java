package io.hostwright.backends.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A suite that cannot fail is worse than none: run on an adapter with one defect built in, the checks about that
 * defect fail; run on a back-end that cannot fail on demand, the checks that need it are skipped, saying why.
 */
class ContractCatchesDefectsTest {

    static final Set<String> EVERY_CHECK = Set.of("aWrongCredentialIsPermanent", "aWrongCredentialIsTriedOnce",
            "aRefusalIsPermanentCarriesTheBackendsWordsAndIsTriedOnce", "aServerErrorIsTransient", "aRetryAfterIsPassedOn",
            "noAnswerInTimeIsTransient", "aRefusedConnectionIsTransient", "aSafeCallIsRepeatedThroughATransientFailure",
            "anUnsafeCallIsMadeOnceThroughATransientFailure", "everyCallTheModuleUsesWorks",
            "everyCallTheModuleUsesIsRepeatedOnlyWhenSafe");

    @Test
    void aSoundAdapterPassesEveryCheck() {
        SuiteRun run = SuiteRun.of(NotesContractTest.class);

        assertThat(run.passed()).as(run.toString()).isEqualTo(EVERY_CHECK);
    }

    static Stream<Arguments> defectsAndTheChecksThatCatchThem() {
        return Stream.of(
                arguments(Defect.REPEATS_UNSAFE_CALLS, Set.of("anUnsafeCallIsMadeOnceThroughATransientFailure",
                        "everyCallTheModuleUsesIsRepeatedOnlyWhenSafe")),
                arguments(Defect.NEVER_REPEATS, Set.of("aSafeCallIsRepeatedThroughATransientFailure",
                        "everyCallTheModuleUsesIsRepeatedOnlyWhenSafe")),
                arguments(Defect.REPEATS_REFUSALS, Set.of("aWrongCredentialIsTriedOnce",
                        "aRefusalIsPermanentCarriesTheBackendsWordsAndIsTriedOnce")),
                arguments(Defect.TOO_MANY_REQUESTS_IS_PERMANENT, Set.of("aRetryAfterIsPassedOn",
                        "aSafeCallIsRepeatedThroughATransientFailure", "anUnsafeCallIsMadeOnceThroughATransientFailure")),
                arguments(Defect.TIMEOUT_IS_PERMANENT, Set.of("noAnswerInTimeIsTransient",
                        "aSafeCallIsRepeatedThroughATransientFailure", "anUnsafeCallIsMadeOnceThroughATransientFailure")),
                arguments(Defect.LOSES_RETRY_AFTER, Set.of("aRetryAfterIsPassedOn")),
                arguments(Defect.DROPS_THE_BACKENDS_WORDS, Set.of("aRefusalIsPermanentCarriesTheBackendsWordsAndIsTriedOnce")),
                arguments(Defect.SHOWS_THE_CREDENTIAL, Set.of("aWrongCredentialIsPermanent",
                        "aRefusalIsPermanentCarriesTheBackendsWordsAndIsTriedOnce")),
                arguments(Defect.MISNAMES_A_ROUTE, Set.of("everyCallTheModuleUsesWorks",
                        "everyCallTheModuleUsesIsRepeatedOnlyWhenSafe")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defectsAndTheChecksThatCatchThem")
    void aDefectFailsTheChecksAboutIt(Defect defect, Set<String> checks) {
        Broken.defect = defect;

        SuiteRun run = SuiteRun.of(Broken.class);

        assertThat(run.failed()).as(run.toString()).isEqualTo(checks);
    }

    @Test
    void checksThatNeedScriptedFailuresAreSkippedSayingWhy() {
        SuiteRun run = SuiteRun.of(Unscripted.class);

        assertThat(run.passed()).containsExactlyInAnyOrder("aWrongCredentialIsPermanent", "aRefusedConnectionIsTransient",
                "everyCallTheModuleUsesWorks");
        assertThat(run.failed()).isEmpty();
        assertThat(run.skipped()).hasSize(EVERY_CHECK.size() - 3);
        assertThat(run.skipReasons()).isNotEmpty().allSatisfy(reason -> assertThat(reason)
                .isEqualTo("a real notes back-end cannot fail on demand or count calls, so this check did not run here:"
                        + " it runs against the back-end's simulator"));
    }

    @Test
    void withoutAnInstallationEveryCheckIsSkippedSayingHowToNameOne() {
        SuiteRun run = SuiteRun.of(Unnamed.class);

        assertThat(run.skipped()).as(run.toString()).isEqualTo(EVERY_CHECK);
        assertThat(run.skipReasons()).allSatisfy(reason -> assertThat(reason)
                .startsWith("No real notes installation named, so this check did not run"));
    }

    /** The notes suite with {@link #defect} built in; run one at a time by the launcher, never by Surefire ($ class). */
    static final class Broken extends NotesContractTest {
        static volatile Defect defect;

        @Override
        Set<Defect> defects() {
            return Set.of(defect);
        }
    }

    /** A real notes back-end that nobody named, as a back-end's live suite is on most machines. */
    static final class Unnamed extends NotesContractTest {
        @Override
        protected BackendUnderTest<NotesApi> startBackend() {
            LiveInstallation.require("notes");
            return super.startBackend();
        }

        @Override
        protected List<ApiCall<NotesApi>> callsTheModuleUses() {
            LiveInstallation.require("notes");
            return super.callsTheModuleUses();
        }
    }

    static final class Unscripted extends NotesContractTest {
        @Override
        boolean scripted() {
            return false;
        }
    }
}
