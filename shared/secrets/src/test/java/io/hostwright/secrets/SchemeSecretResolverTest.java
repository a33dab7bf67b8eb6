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
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SchemeSecretResolverTest {

    final List<String> askedSecretsManager = new ArrayList<>();
    final Map<String, String> environment = Map.of("TENANTOS_KEY", " key-from-env\n", "BLANK", "  ");
    /** As the laptop runtime configures it: every scheme. */
    final SchemeSecretResolver resolver = new SchemeSecretResolver(name -> Optional.ofNullable(environment.get(name)),
            reference -> {
                askedSecretsManager.add(reference);
                return "key-from-secrets-manager";
            }, Set.of("secretsmanager", "env", "file"), SchemeSecretResolver.DEFAULT_PREFIX);
    /** As a function in AWS has it: Secrets Manager under the prefix only. */
    final SchemeSecretResolver inAws = new SchemeSecretResolver(name -> Optional.ofNullable(environment.get(name)),
            reference -> {
                askedSecretsManager.add(reference);
                return "key-from-secrets-manager";
            }, SchemeSecretResolver.allowedSchemes("secretsmanager"), SchemeSecretResolver.DEFAULT_PREFIX);
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

        System.setProperty(SchemeSecretResolver.SCHEMES_VARIABLE, "env");
        try {
            assertThat(new SchemeSecretResolver().resolve("env:" + property)).isEqualTo("key-from-property");
        } finally {
            System.clearProperty(SchemeSecretResolver.SCHEMES_VARIABLE);
        }
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
        String arn = "secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:hostwright/tenantos-AbCdEf";

        assertThat(resolver.resolve(arn)).isEqualTo("key-from-secrets-manager");
        assertThat(inAws.resolve("secretsmanager:hostwright/tenantos/main")).isEqualTo("key-from-secrets-manager");
        assertThat(askedSecretsManager).containsExactly(arn, "secretsmanager:hostwright/tenantos/main");
    }

    @Test
    void inAwsOnlySecretsManagerUnderThePrefixIsResolved() {
        System.setProperty(property, "AKIA-the-functions-own-credentials");
        for (String reference : List.of("env:AWS_SESSION_TOKEN", "env:" + property, "file:/proc/self/environ")) {
            SecretUnavailableException refused = catchThrowableOfType(SecretUnavailableException.class,
                    () -> inAws.resolve(reference));
            assertThat(refused).as(reference).isNotNull().hasMessageContaining("not allowed here");
            assertThat(refused.retryable()).isFalse();
        }
        for (String outside : List.of("secretsmanager:prod/database", "secretsmanager:hostwright-other/x",
                "secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!cluster-AbCd",
                "secretsmanager:hostwright/../prod/db")) {
            assertThat(catchThrowableOfType(SecretUnavailableException.class, () -> inAws.resolve(outside)))
                    .as(outside).isNotNull().hasMessageContaining("outside this deployment's prefix hostwright/");
        }
        assertThat(askedSecretsManager).isEmpty();
    }

    @Test
    void theAllowedSchemesAreConfiguredByTheProcessNotByAConnection() {
        assertThat(new SchemeSecretResolver().toString()).contains("[secretsmanager]");
        assertThatThrownBy(() -> SchemeSecretResolver.allowedSchemes("secretsmanager,http"))
                .hasMessageContaining("not 'http'");
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
