package io.hostwright.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The samples in {@code events/} are safe to invoke on a running suite, or by mistake on a deployed one: they mail
 * only reserved addresses, name only ids no real order, service, operation or run can have, and events/README.md says
 * what each one does. {@link EventFixturesTest} checks that each one still runs on its handler.
 */
class SampleEventsTest {

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]+");
    /** SES's mailbox simulator: accepted and dropped by SES, no bounce, no cost to the sender's reputation. */
    private static final String SES_SIMULATOR = "success@simulator.amazonses.com";
    private static final Pattern ID = Pattern.compile("\\b(?:svc|ord|op|run)_([0-9A-Za-z]+)");
    /** Letters the ids Hostwright makes never hold (Crockford base32, as {@code SortableIds} writes them). */
    private static final Pattern NEVER_GENERATED = Pattern.compile("[ILOU]");

    private static Path events;
    private static TreeMap<String, String> samples;

    @BeforeAll
    static void read() throws IOException {
        events = eventsDirectory();
        samples = new TreeMap<>();
        try (Stream<Path> files = Files.list(events)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                samples.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        assertThat(samples).as("samples in events/").isNotEmpty();
    }

    @Test
    void everyAddressIsReservedForExamplesOrTheSesMailboxSimulator() {
        samples.forEach((name, json) -> {
            Matcher m = ADDRESS.matcher(json);
            while (m.find()) {
                assertThat(m.group()).as("an address in %s", name)
                        .satisfiesAnyOf(a -> assertThat(a).endsWith("@example.test"),
                                a -> assertThat(a).isEqualTo(SES_SIMULATOR));
            }
        });
    }

    @Test
    void everyOrderServiceOperationAndRunIdIsOneHostwrightNeverMakes() {
        samples.forEach((name, json) -> {
            Matcher m = ID.matcher(json);
            while (m.find()) {
                assertThat(m.group(1)).as("%s in %s", m.group(), name).containsPattern(NEVER_GENERATED);
            }
        });
    }

    @Test
    void theReadmeSaysWhatEachSampleDoesAndNamesNoOtherFile() throws IOException {
        String readme = Files.readString(events.resolve("README.md"));
        Set<String> described = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+\\.json)` \\|").matcher(readme);
        while (row.find()) {
            described.add(row.group(1));
        }
        assertThat(described).as("rows of the table in events/README.md").isEqualTo(samples.keySet());
    }

    @Test
    void theMailerSampleMailsOnlyTheSesMailboxSimulator() {
        List<String> mailer = samples.keySet().stream().filter(n -> n.startsWith("sqs-mail-")).toList();
        assertThat(mailer).isNotEmpty().allSatisfy(name -> {
            Matcher m = ADDRESS.matcher(samples.get(name));
            while (m.find()) {
                assertThat(m.group()).as("mailed by %s", name).isEqualTo(SES_SIMULATOR);
            }
        });
    }

    private static Path eventsDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("events/README.md")) && Files.isRegularFile(dir.resolve("cdk.json"))) {
                return dir.resolve("events");
            }
        }
        throw new IllegalStateException("events/ not found above " + Path.of("").toAbsolutePath());
    }
}
