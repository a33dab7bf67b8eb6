package io.hostwright.local.function;

import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.ResourceNames;
import io.hostwright.manifest.TableAccess;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFunctionEnvironmentTest {

    private static final ResourceNames RESOURCES = new ResourceNames() {
        @Override
        public String tableName() {
            return "hostwright";
        }

        @Override
        public String credentialsTableName() {
            return "hostwright-credentials";
        }

        @Override
        public String queueUrl(String queueName) {
            return "http://127.0.0.1:9324/000000000000/" + queueName;
        }

        @Override
        public String mailFrom() {
            return "noreply@hostwright.local";
        }

        @Override
        public String mailConfigurationSet() {
            return null;
        }
    };

    private static final Map<String, String> PLATFORM = Map.of("AWS_REGION", "eu-west-1",
            "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324");

    @Test
    void mergesTheManifestFunctionsIntoOneSet() {
        LocalFunctionEnvironment environment = LocalFunctionEnvironment.of(Manifest.FUNCTIONS, RESOURCES, PLATFORM, "k", "s");

        assertThat(environment.shared())
                .containsEntry(Manifest.TABLE_VARIABLE, "hostwright")
                .containsEntry("MAIL_QUEUE_URL", "http://127.0.0.1:9324/000000000000/mail")
                .containsEntry("AWS_REGION", "eu-west-1")
                .doesNotContainKey("POWERTOOLS_SERVICE_NAME");
    }

    @Test
    void failsLoudlyWhenFunctionsDisagree() {
        FunctionSpec one = function("one", Map.of("GREETING", "hello"));
        FunctionSpec two = function("two", Map.of("GREETING", "bonjour"));

        assertThatThrownBy(() -> LocalFunctionEnvironment.of(List.of(one, two), RESOURCES, PLATFORM, "k", "s"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GREETING").hasMessageContaining("hello").hasMessageContaining("bonjour")
                .hasMessageContaining("one").hasMessageContaining("two");
    }

    @Test
    void setsTheServiceNameWhileEachHandlerIsBuilt() {
        LocalFunctionEnvironment environment = LocalFunctionEnvironment.of(
                List.of(function("one", Map.of()), function("two", Map.of())), RESOURCES, PLATFORM, "k", "s");
        try {
            assertThat(environment.constructing("one", () -> System.getProperty("POWERTOOLS_SERVICE_NAME"))).isEqualTo("one");
            assertThat(environment.constructing("two", () -> System.getProperty("POWERTOOLS_SERVICE_NAME"))).isEqualTo("two");
        } finally {
            environment.clear();
        }
        assertThat(System.getProperty("POWERTOOLS_SERVICE_NAME")).isNull();
    }

    @Test
    void refusesAShellVariableThatWouldRedirectData() {
        LocalFunctionEnvironment environment = LocalFunctionEnvironment.of(Manifest.FUNCTIONS, RESOURCES, PLATFORM, "k", "s");

        assertThatThrownBy(() -> environment.checkNotShadowedBy(Map.of("TABLE_NAME", "prod-table")))
                .hasMessageContaining("TABLE_NAME=prod-table");
        assertThat(environment.checkNotShadowedBy(Map.of("AWS_REGION", "eu-west-1", "POWERTOOLS_SERVICE_NAME", "x")))
                .singleElement().asString().contains("POWERTOOLS_SERVICE_NAME");
    }

    private static FunctionSpec function(String name, Map<String, String> environment) {
        return new FunctionSpec(name, "test", "test.Handler", 256, Duration.ofSeconds(5),
                new Trigger.Schedule("rate(1 hour)", "test"), TableAccess.READ, Set.of(), false, environment);
    }
}
