package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.TableAccess;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackDefinitionTest {

    @Test
    void visibilityTimeoutFollowsTheManifestsRule() {
        StackDefinition manifest = StackDefinition.fromManifest();
        for (var queue : Manifest.QUEUES) {
            assertThat(manifest.visibilityTimeout(queue.name())).isEqualTo(Manifest.visibilityTimeout(queue.name()));
        }
        List<FunctionSpec> functions = new ArrayList<>(Manifest.FUNCTIONS);
        functions.removeIf(f -> Manifest.consumerOf(Manifest.PROVISIONING_QUEUE).filter(f::equals).isPresent());
        functions.add(consumer("slow-consumer", Manifest.PROVISIONING_QUEUE, Duration.ofMinutes(2)));
        assertThat(new StackDefinition(Manifest.TABLE, Manifest.QUEUES, functions)
                .visibilityTimeout(Manifest.PROVISIONING_QUEUE)).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void aFunctionOnAnUndefinedQueueIsRejected() {
        assertThatThrownBy(() -> withExtra(consumer("lost", "nowhere", Duration.ofSeconds(10))))
                .hasMessageContaining("nowhere");
    }

    @Test
    void aQueueWithTwoConsumersIsRejected() {
        assertThatThrownBy(() -> withExtra(consumer("second-mailer", Manifest.MAIL_QUEUE, Duration.ofSeconds(10))))
                .hasMessageContaining("more than one consumer");
    }

    private static StackDefinition withExtra(FunctionSpec extra) {
        List<FunctionSpec> functions = new ArrayList<>(Manifest.FUNCTIONS);
        functions.add(extra);
        return new StackDefinition(Manifest.TABLE, Manifest.QUEUES, functions);
    }

    private static FunctionSpec consumer(String name, String queue, Duration timeout) {
        return new FunctionSpec(name, "test consumer", "io.hostwright.test.Handler", 512, timeout,
                new Trigger.Queue(queue, 10, Duration.ZERO, 2), TableAccess.NONE, Set.of(), false, Map.of());
    }
}
