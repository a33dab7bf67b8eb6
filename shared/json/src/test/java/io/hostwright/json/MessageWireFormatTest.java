package io.hostwright.json;

import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.step.StepMessage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageWireFormatTest {

    @Test
    void queueMessagesSurviveTheRoundTrip() {
        MailRequest mail = MailRequest.once("svc_1", MailTemplate.INITIAL_ORDER, "a@example.test", Map.of("k", "v"));
        assertThat(Json.read(Json.write(mail), MailRequest.class)).isEqualTo(mail);
        StepMessage step = new StepMessage("svc_1", "ord_1", "tenantos", "begin", 1);
        assertThat(Json.read(Json.write(step), StepMessage.class)).isEqualTo(step);
    }

    @Test
    void wireFormatIsStable() {
        StepMessage step = new StepMessage("svc_1", "ord_1", "tenantos", "begin", 1);
        assertThat(Json.write(step)).isEqualTo("{\"serviceId\":\"svc_1\",\"orderId\":\"ord_1\",\"module\":\"tenantos\","
                + "\"step\":\"begin\",\"attempt\":1,\"failures\":0}");
        StepMessage operationStep = new StepMessage("svc_1", null, "tenantos", "check-owner", 3, "op_1")
                .retried();
        assertThat(Json.write(operationStep)).isEqualTo("{\"serviceId\":\"svc_1\",\"module\":\"tenantos\","
                + "\"step\":\"check-owner\",\"attempt\":4,\"operationId\":\"op_1\",\"failures\":1}");
    }

    @Test
    void messagesQueuedBeforeOperationsExistedStillRead() {
        StepMessage old = Json.read("{\"serviceId\":\"svc_1\",\"orderId\":\"ord_1\",\"module\":\"tenantos\","
                + "\"step\":\"set-ips\",\"attempt\":2}", StepMessage.class);
        assertThat(old).isEqualTo(new StepMessage("svc_1", "ord_1", "tenantos", "set-ips", 2));
        assertThat(old.operationId()).isNull();
        assertThat(old.tryNumber()).isEqualTo(1);
    }
}
