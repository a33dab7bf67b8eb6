package io.hostwright.manifest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestConsistencyTest {

    @Test
    void everyQueueAFunctionUsesIsDeclared() {
        for (FunctionSpec f : Manifest.FUNCTIONS) {
            f.sendsTo().forEach(Manifest::queue);
            if (f.trigger() instanceof Trigger.Queue q) {
                assertThat(Manifest.queue(q.queue())).isNotNull();
            }
        }
    }

    @Test
    void functionNamesAndRouteKeysAreUnique() {
        Set<String> names = new HashSet<>();
        Set<String> routes = new HashSet<>();
        for (FunctionSpec f : Manifest.FUNCTIONS) {
            assertThat(names.add(f.name())).as("duplicate function %s", f.name()).isTrue();
            if (f.trigger() instanceof Trigger.HttpApi api) {
                api.routes().forEach(r -> assertThat(routes.add(r.routeKey())).as("duplicate route %s", r).isTrue());
            }
        }
    }

    @Test
    void visibilityTimeoutIsAtLeastSixTimesTheConsumerTimeout() {
        for (QueueSpec q : Manifest.QUEUES) {
            Manifest.consumerOf(q.name()).ifPresent(f ->
                    assertThat(Manifest.visibilityTimeout(q.name())).isGreaterThanOrEqualTo(f.timeout().multipliedBy(6)));
        }
    }

    @Test
    void environmentCarriesOnlyWhatTheFunctionUses() {
        ResourceNames names = new ResourceNames() {
            public String tableName() { return "t"; }
            public String credentialsTableName() { return "c"; }
            public String queueUrl(String q) { return "http://q/" + q; }
            public String mailFrom() { return "noreply@example.test"; }
            public String mailConfigurationSet() { return null; }
        };
        Map<String, String> orders = Manifest.environmentFor(Manifest.function("order-acceptance").orElseThrow(), names);
        assertThat(orders).containsEntry("TABLE_NAME", "t")
                .containsEntry("PROVISIONING_QUEUE_URL", "http://q/provisioning")
                .containsEntry("MAIL_QUEUE_URL", "http://q/mail")
                .doesNotContainKey("MAIL_FROM").doesNotContainKey(Manifest.CREDENTIALS_TABLE_VARIABLE);
        Map<String, String> mailer = Manifest.environmentFor(Manifest.function("mailer").orElseThrow(), names);
        assertThat(mailer).containsEntry("MAIL_FROM", "noreply@example.test")
                .as("its own queue, to queue again a mail another delivery holds")
                .containsEntry("MAIL_QUEUE_URL", "http://q/mail")
                .doesNotContainKey("PROVISIONING_QUEUE_URL")
                .containsEntry(Manifest.CREDENTIALS_TABLE_VARIABLE, "c");
    }

    @Test
    void onlyTheFunctionsThatSetSendOrClearCredentialsMayReachThem() {
        assertThat(Manifest.FUNCTIONS).filteredOn(f -> f.credentialAccess() != TableAccess.NONE)
                .extracting(FunctionSpec::name)
                .containsExactlyInAnyOrder("provisioning", "lifecycle", "mailer", "licence-renewal");
        assertThat(Manifest.function("mailer").orElseThrow().credentialAccess()).isEqualTo(TableAccess.READ);
    }

    @Test
    void scheduleExpressionsFollowEventBridgeSyntax() {
        ZonedDateTime t = ZonedDateTime.of(2026, 11, 22, 10, 17, 30, 0, ZoneOffset.UTC);
        assertThat(ScheduleExpression.parse("rate(5 minutes)").nextAfter(t)).isEqualTo(t.plus(Duration.ofMinutes(5)));
        assertThat(ScheduleExpression.parse("cron(0 * * * ? *)").nextAfter(t)).isEqualTo(t.withHour(11).withMinute(0).withSecond(0));
        assertThat(ScheduleExpression.parse("cron(20 0 * * ? *)").nextAfter(t))
                .isEqualTo(ZonedDateTime.of(2026, 11, 23, 0, 20, 0, 0, ZoneOffset.UTC));
        assertThatThrownBy(() -> ScheduleExpression.parse("every 5 minutes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(61 * * * ? *)")).isInstanceOf(IllegalArgumentException.class);
    }
}
