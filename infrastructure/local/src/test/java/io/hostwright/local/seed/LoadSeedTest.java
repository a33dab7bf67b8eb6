package io.hostwright.local.seed;

import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
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
    void loadsConnectionsAndProductsWithTheirModuleSettingsIntoTheTable(LocalAws aws) {
        LoadSeed.Arguments arguments = LoadSeed.parse(new String[]{"--table", aws.tableName(), "--region", "eu-west-1",
                "--simulator", "tenantos=http://127.0.0.1:9", "--simulator", "vmmanager6=http://127.0.0.1:8", "--simulator", "billmanager-licences=http://127.0.0.1:7",
                seedDirectory().toString()});

        assertThat(LoadSeed.load(aws.dynamoDb(), arguments)).singleElement().asString()
                .contains("3 connections, 5 products");
        assertThat(new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).findProduct("ded-e2388g"))
                .hasValueSatisfying(p -> {
                    assertThat(p.moduleSettings()).containsKey("matchTags");
                    // offered from the connection's seeded templates, named as the seed names them
                    assertThat(p.osTemplates()).extracting(t -> t.id() + "=" + t.name()).containsExactly(
                            "debian-12=Debian 12 (Bookworm)", "ubuntu-24.04=Ubuntu 24.04 LTS",
                            "almalinux-9=AlmaLinux 9", "windows-2022=Windows Server 2022 Standard");
                });
        assertThat(new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).findProduct("ded-epyc-7313p-storage"))
                .hasValueSatisfying(p -> assertThat(p.osTemplates()).extracting(t -> t.id())
                        .as("withheld by the product").doesNotContain("windows-2022"));
        assertThat(new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName()).findConnection("tenantos-demo"))
                .hasValueSatisfying(c -> {
                    assertThat(c.baseUrl()).isEqualTo("http://127.0.0.1:9");
                    assertThat(c.settings()).containsEntry("stockOwnerUserId", 1);
                });
        assertThat(new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName()).findConnection("licences-demo"))
                .hasValueSatisfying(c -> {
                    assertThat(c.backend()).isEqualTo("billmanager-licences");
                    assertThat(c.baseUrl()).isEqualTo("http://127.0.0.1:7");
                });
        assertThat(new DynamoDbCatalogRepository(aws.dynamoDb(), aws.tableName()).findProduct("vps-m"))
                .hasValueSatisfying(p -> assertThat(p.licence().connectionId()).isEqualTo("licences-demo"));
    }

    @Test
    void settingsTheBackEndRefusesAreNamedBeforeAnyWrite(LocalAws aws) throws Exception {
        Path copy = Files.createTempDirectory("seed");
        Files.writeString(copy.resolve("catalog.json"), Files.readString(seedDirectory().resolve("catalog.json"))
                .replaceFirst("\"roleId\": 3", "\"roleId\": \"three\""));
        Files.copy(seedDirectory().resolve("connections.json"), copy.resolve("connections.json"));
        String table = aws.tableName();
        LoadSeed.Arguments arguments = LoadSeed.parse(new String[]{"--table", table, "--region", "eu-west-1",
                "--simulator", "tenantos=http://127.0.0.1:9", "--simulator", "vmmanager6=http://127.0.0.1:8", "--simulator", "billmanager-licences=http://127.0.0.1:7",
                copy.toString()});

        assertThatThrownBy(() -> LoadSeed.load(aws.dynamoDb(), arguments))
                .isInstanceOfSatisfying(CatalogSeedException.class, e -> assertThat(e.field())
                        .isEqualTo("products[0].moduleSettings.roleId"))
                .hasMessageContaining("whole number");
    }

    @Test
    void aSimulatorConnectionWithoutItsUrlIsRefusedBeforeAnyWrite(LocalAws aws) {
        LoadSeed.Arguments arguments = LoadSeed.parse(new String[]{"--table", aws.tableName() + "-missing",
                "--region", "eu-west-1", seedDirectory().toString()});
        assertThatThrownBy(() -> LoadSeed.load(aws.dynamoDb(), arguments))
                .hasMessageContaining("connections[0].baseUrl").hasMessageContaining("tenantos simulator");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> LoadSeed.parse(new String[]{"--table", "t"})).hasMessageContaining("--region");
        assertThatThrownBy(() -> LoadSeed.parse(new String[]{"--table"})).hasMessageContaining("--table needs a value");
    }
}
