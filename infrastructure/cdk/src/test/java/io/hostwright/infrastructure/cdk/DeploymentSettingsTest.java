package io.hostwright.infrastructure.cdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentSettingsTest {

    @TempDir
    Path outdir;

    @Test
    void cdkJsonDefaultsAreEnoughToSynthesize() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> cdkJson = new ObjectMapper().readValue(
                RepositoryRoot.locate().resolve("cdk.json").toFile(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) cdkJson.get("context");

        DeploymentSettings settings = settingsFrom(context);

        assertThat(settings.jwtIssuer()).startsWith("https://");
        assertThat(settings.jwtAudience()).isNotBlank();
        assertThat(settings.mailFromDomain()).isEqualTo(settings.mailFrom().substring(settings.mailFrom().indexOf('@') + 1));
    }

    @Test
    void missingIssuerStopsTheSynthNamingTheKey() {
        Map<String, Object> context = new HashMap<>(TestApps.context());
        context.remove(DeploymentSettings.JWT_ISSUER);

        assertThatThrownBy(() -> settingsFrom(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'jwtIssuer'").hasMessageContaining("cdk.json");
    }

    @Test
    void missingAudienceStopsTheSynthNamingTheKey() {
        Map<String, Object> context = new HashMap<>(TestApps.context());
        context.remove(DeploymentSettings.JWT_AUDIENCE);

        assertThatThrownBy(() -> settingsFrom(context)).hasMessageContaining("'jwtAudience'");
    }

    @Test
    void plainHttpIssuerIsRejected() {
        Map<String, Object> context = new HashMap<>(TestApps.context());
        context.put(DeploymentSettings.JWT_ISSUER, "http://auth.example.com/");

        assertThatThrownBy(() -> settingsFrom(context)).hasMessageContaining("https");
    }

    @Test
    void mailDomainComesFromTheSenderUnlessGiven() {
        assertThat(settingsFrom(TestApps.context()).mailFromDomain()).isEqualTo("mail.hostwright.test");

        Map<String, Object> context = new HashMap<>(TestApps.context());
        context.put(DeploymentSettings.MAIL_FROM_DOMAIN, "hostwright.test");
        context.put(DeploymentSettings.OPS_EMAIL, "ops@hostwright.test");
        DeploymentSettings settings = settingsFrom(context);
        assertThat(settings.mailFromDomain()).isEqualTo("hostwright.test");
        assertThat(settings.opsEmail()).isEqualTo("ops@hostwright.test");
    }

    @Test
    void senderOutsideTheMailDomainIsRejected() {
        Map<String, Object> context = new HashMap<>(TestApps.context());
        context.put(DeploymentSettings.MAIL_FROM_DOMAIN, "elsewhere.test");

        assertThatThrownBy(() -> settingsFrom(context)).hasMessageContaining("mailFromDomain");
    }

    private DeploymentSettings settingsFrom(Map<String, Object> context) {
        return DeploymentSettings.fromContext(TestApps.app(outdir, context).getNode());
    }
}
