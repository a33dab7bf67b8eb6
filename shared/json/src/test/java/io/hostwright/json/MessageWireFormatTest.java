package io.hostwright.json;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.BooleanOption;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.step.StepMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
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
        assertThat(Json.write(step)).isEqualTo("{\"serviceId\":\"svc_1\",\"orderId\":\"ord_1\",\"backend\":\"tenantos\","
                + "\"step\":\"begin\",\"attempt\":1,\"failures\":0}");
        StepMessage operationStep = new StepMessage("svc_1", null, "tenantos", "check-owner", 3, "op_1")
                .retried();
        assertThat(Json.write(operationStep)).isEqualTo("{\"serviceId\":\"svc_1\",\"backend\":\"tenantos\","
                + "\"step\":\"check-owner\",\"attempt\":4,\"operationId\":\"op_1\",\"failures\":1}");
    }

    @Test
    void messagesQueuedBeforeOperationsExistedStillRead() {
        // written when back-ends were "modules": the field was called module
        StepMessage old = Json.read("{\"serviceId\":\"svc_1\",\"orderId\":\"ord_1\",\"module\":\"tenantos\","
                + "\"step\":\"set-ips\",\"attempt\":2}", StepMessage.class);
        assertThat(old).isEqualTo(new StepMessage("svc_1", "ord_1", "tenantos", "set-ips", 2));
        assertThat(old.operationId()).isNull();
        assertThat(old.tryNumber()).isEqualTo(1);
    }

    @Test
    void productsKeepTheirDeclaredOptions() {
        Product product = new Product("p", "P", "", ServiceType.VPS, "vmmanager", "c", "noc@example.test",
                List.of(new OsTemplate("debian-12", "Debian 12")),
                List.of(new IntegerOption("ramMb", "RAM", 1024, 8192, 1024, 2048, new Price("EUR", 300)),
                        new ChoiceOption("panel", "Panel", List.of(new ChoiceOption.Choice("55382", "BILLmanager",
                                new Price("EUR", 1500)), new ChoiceOption.Choice("none", null, null)), "none"),
                        new BooleanOption("backup", "Backups", true, null)),
                Map.of(BillingCycle.MONTHLY, new Price("EUR", 900)), Map.of("cluster", 1, "tags", List.of("a")));

        String json = Json.write(product);

        assertThat(json).contains("\"kind\":\"integer\"").contains("\"kind\":\"choice\"").contains("\"kind\":\"boolean\"");
        assertThat(Json.read(json, Product.class)).isEqualTo(product);
    }
}
