package io.hostwright.local.jwt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyFileTest {

    @Test
    void aTokenIssuedBeforeARestartVerifiesAfterIt(@TempDir Path data) throws Exception {
        Path file = data.resolve("jwt-signing-key.pem");
        KeyPair first = SigningKeyFile.readOrCreate(file);
        String token = new LocalJwt("http://127.0.0.1:3000/local", LocalJwt.AUDIENCE, first,
                java.time.Clock.systemUTC()).issue("alice", "alice@example.com", null, Duration.ofMinutes(5));

        KeyPair second = SigningKeyFile.readOrCreate(file);

        assertThat(second.getPublic()).isEqualTo(first.getPublic());
        assertThat(new LocalJwt("http://127.0.0.1:3000/local", LocalJwt.AUDIENCE, second,
                java.time.Clock.systemUTC()).verify(token)).containsEntry("sub", "alice");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedKeyFileStopsTheStartNamingTheFileAndWhatToDo(@TempDir Path data) throws Exception {
        Path file = data.resolve("jwt-signing-key.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> SigningKeyFile.readOrCreate(file))
                .hasMessageContaining(file.toString()).hasMessageContaining("delete it");
    }
}
