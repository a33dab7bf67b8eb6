package io.hostwright.backends.contract;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * One run of a suite class through the JUnit Platform, by check (the suite's method: a test, a parameterised
 * test's runs or a factory's dynamic tests together): which passed, which failed, which were skipped and why.
 */
final class SuiteRun implements TestExecutionListener {

    private static final Set<String> CHECKS = Set.of("method", "test-template", "test-factory");

    private final Map<String, Set<Status>> outcomes = new TreeMap<>();
    private final List<String> skipReasons = new ArrayList<>();

    private SuiteRun() {
    }

    static SuiteRun of(Class<?> suite) {
        SuiteRun run = new SuiteRun();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(), run);
        return run;
    }

    /** Tests, and containers that failed; a skipped container is left out, as Surefire's report leaves it out. */
    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest() && result.getStatus() != Status.FAILED) {
            return;
        }
        UniqueId.parse(test.getUniqueId()).getSegments().stream()
                .filter(segment -> CHECKS.contains(segment.getType()))
                .findFirst()
                .map(segment -> segment.getValue().substring(0, segment.getValue().indexOf('(')))
                .ifPresent(check -> outcomes.computeIfAbsent(check, c -> EnumSet.noneOf(Status.class))
                        .add(result.getStatus()));
        if (result.getStatus() == Status.ABORTED) {
            result.getThrowable().ifPresent(reason -> skipReasons.add(reason.getMessage()));
        }
    }

    Set<String> passed() {
        return checksWhere(statuses -> statuses.equals(EnumSet.of(Status.SUCCESSFUL)));
    }

    Set<String> failed() {
        return checksWhere(statuses -> statuses.contains(Status.FAILED));
    }

    Set<String> skipped() {
        return checksWhere(statuses -> statuses.contains(Status.ABORTED));
    }

    List<String> skipReasons() {
        return List.copyOf(skipReasons);
    }

    private Set<String> checksWhere(Predicate<Set<Status>> test) {
        return outcomes.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String toString() {
        return "SuiteRun" + outcomes;
    }
}
