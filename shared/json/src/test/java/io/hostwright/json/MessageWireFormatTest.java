package io.hostwright.json;

import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.provisioning.ProvisioningRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageWireFormatTest {

    @Test
    void queueMessagesSurviveTheRoundTrip() {
        MailRequest mail = MailRequest.once("svc_1", MailTemplate.INITIAL_ORDER, "a@example.test", Map.of("k", "v"));
        assertThat(Json.read(Json.write(mail), MailRequest.class)).isEqualTo(mail);
        ProvisioningRequest step = new ProvisioningRequest("svc_1", "ord_1", "tenantos", "begin", 1);
        assertThat(Json.read(Json.write(step), ProvisioningRequest.class)).isEqualTo(step);
    }

    @Test
    void wireFormatIsStable() {
        ProvisioningRequest step = new ProvisioningRequest("svc_1", "ord_1", "tenantos", "begin", 1);
        assertThat(Json.write(step)).isEqualTo(
                "{\"serviceId\":\"svc_1\",\"orderId\":\"ord_1\",\"module\":\"tenantos\",\"step\":\"begin\",\"attempt\":1}");
    }
}
