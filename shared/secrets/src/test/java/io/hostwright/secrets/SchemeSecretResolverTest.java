package io.hostwright.secrets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SchemeSecretResolverTest {

    final List<String> askedSecretsManager = new ArrayList<>();
    final Map<String, String> environment = Map.of("TENANTOS_KEY", " key-from-env\n", "BLANK", "  ");
    final SchemeSecretResolver resolver = new SchemeSecretResolver(name -> Optional.ofNullable(environment.get(name)),
            reference -> {
                askedSecretsManager.add(reference);
                return "key-from-secrets-manager";
            });
    final String property = "HW_SECRET_TEST_" + UUID.randomUUID().toString().replace("-", "");
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(property);
    }

    SecretUnavailableException unavailable(String reference) {
        SecretUnavailableException e = catchThrowableOfType(SecretUnavailableException.class, () -> resolver.resolve(reference));
        assertThat(e).as("resolving %s should fail", reference).isNotNull();
        return e;
    }

    @Test
    void readsAnEnvironmentVariableStripped() {
        assertThat(resolver.resolve("env:TENANTOS_KEY")).isEqualTo("key-from-env");
    }

    @Test
    void fallsBackToASystemPropertyLikeFunctionEnvironment() {
        System.setProperty(property, "key-from-property");

        assertThat(new SchemeSecretResolver().resolve("env:" + property)).isEqualTo("key-from-property");
    }

    @Test
    void aMissingOrBlankVariableIsNamed() {
        SecretUnavailableException missing = unavailable("env:NOT_SET");
        assertThat(missing).hasMessageContaining("env:NOT_SET");
        assertThat(missing.retryable()).isFalse();
        assertThat(unavailable("env:BLANK")).hasMessageContaining("env:BLANK");
        assertThat(unavailable("env:")).hasMessageContaining("names no variable");
    }

    @Test
    void readsAFileTrimmed() throws Exception {
        Path file = Files.writeString(dir.resolve("tenantos.key"), "key-from-file\n");

        assertThat(resolver.resolve("file:" + file)).isEqualTo("key-from-file");
        assertThat(resolver.resolve(file.toUri().toString())).isEqualTo("key-from-file"); // file:///…
    }

    @Test
    void readsARelativeFileAgainstTheWorkingDirectory() throws Exception {
        Path relative = Path.of("target", "secret-test-" + UUID.randomUUID() + ".key");
        Files.createDirectories(Path.of(System.getProperty("user.dir")).resolve("target"));
        Path file = Files.writeString(Path.of(System.getProperty("user.dir")).resolve(relative), "  relative-key  ");
        try {
            assertThat(resolver.resolve("file:" + relative)).isEqualTo("relative-key");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aMissingOrEmptyFileIsNamedWithoutItsContent() throws Exception {
        assertThat(unavailable("file:" + dir.resolve("absent.key"))).hasMessageContaining("absent.key")
                .hasMessageContaining("does not exist");
        Path empty = Files.writeString(dir.resolve("empty.key"), "\n");
        assertThat(unavailable("file:" + empty)).hasMessageContaining("is empty");
    }

    @Test
    void passesSecretsManagerReferencesWhole() {
        String arn = "secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:tenantos-AbCdEf";

        assertThat(resolver.resolve(arn)).isEqualTo("key-from-secrets-manager");
        assertThat(askedSecretsManager).containsExactly(arn);
    }

    @Test
    void anUnknownSchemeIsNamed() {
        assertThat(unavailable("vault:kv/tenantos")).hasMessageContaining("unknown scheme 'vault:'")
                .hasMessageContaining("env:NAME, file:/path or secretsmanager:");
    }

    @Test
    void aReferenceWithoutASchemeIsNotEchoedItMayBeTheSecret() {
        SecretUnavailableException e = unavailable("tk_live_9f8e7d6c5b4a");

        assertThat(e).hasMessageContaining("no scheme").hasMessageNotContaining("tk_live_9f8e7d6c5b4a");
        assertThat(unavailable(" ")).hasMessageContaining("empty");
    }
}
