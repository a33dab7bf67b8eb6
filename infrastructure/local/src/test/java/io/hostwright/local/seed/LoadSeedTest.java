package io.hostwright.local.seed;

import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbTenantOsCatalog;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed loader against DynamoDB Local, with the repository's own seed files. */
@ExtendWith(LocalAwsExtension.class)
class LoadSeedTest {

    private static Path seedDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infrastructure/local/seed");
            if (Files.isRegularFile(candidate.resolve("catalog.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("seed directory not found");
    }

    @Test
    void loadsProductsConnectionsAndSettingsIntoTheTable(LocalAws aws) {
        LoadSeed.Arguments arguments = LoadSeed.parse(new String[]{"--table", aws.tableName(), "--region", "eu-west-1",
                "--simulator-url", "http://127.0.0.1:9", seedDirectory().toString()});

        assertThat(LoadSeed.load(aws.dynamoDb(), arguments)).hasSize(2);
        assertThat(new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).findProduct("ded-e2388g")).isPresent();
        var tenantOs = new DynamoDbTenantOsCatalog(aws.dynamoDb(), aws.tableName());
        assertThat(tenantOs.connection("tenantos-demo")).hasValueSatisfying(c ->
                assertThat(c.baseUrl()).isEqualTo("http://127.0.0.1:9"));
        assertThat(tenantOs.productSettings("ded-e2388g")).hasValueSatisfying(s ->
                assertThat(s.osProfiles()).containsEntry("debian-12", 12L));
    }

    @Test
    void aSimulatorConnectionWithoutItsUrlIsRefusedBeforeAnyWrite(LocalAws aws) {
        LoadSeed.Arguments arguments = LoadSeed.parse(new String[]{"--table", aws.tableName() + "-missing",
                "--region", "eu-west-1", seedDirectory().toString()});
        assertThatThrownBy(() -> LoadSeed.load(aws.dynamoDb(), arguments)).hasMessageContaining("--simulator-url");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> LoadSeed.parse(new String[]{"--table", "t"})).hasMessageContaining("--region");
        assertThatThrownBy(() -> LoadSeed.parse(new String[]{"--table"})).hasMessageContaining("--table needs a value");
    }
}
