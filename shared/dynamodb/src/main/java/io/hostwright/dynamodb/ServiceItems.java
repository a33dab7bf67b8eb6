package io.hostwright.dynamodb;

import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.domain.service.StepStatus;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static io.hostwright.dynamodb.Attributes.instant;
import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.num;
import static io.hostwright.dynamodb.Attributes.putIfPresent;
import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.sortable;
import static io.hostwright.dynamodb.Attributes.str;

/** Service and provisioning-step items: {@code SERVICE#<id> / SERVICE} and {@code SERVICE#<id> / STEP#<seq>#<name>}. */
final class ServiceItems {

    private ServiceItems() {
    }

    static Map<String, AttributeValue> toItem(Service v) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.service(v.serviceId()));
        item.put("type", s("Service"));
        item.put("gsi1pk", s(Keys.customerPartition(v.customerId())));
        item.put("gsi1sk", s("SERVICE#" + sortable(v.createdAt()) + "#" + v.serviceId()));
        if (v.connectionId() != null) {
            // the services of a connection, for staff (a connection in use is not deleted)
            item.put("gsi2pk", s(connectionPartition(v.connectionId())));
            item.put("gsi2sk", s("SERVICE#" + sortable(v.createdAt()) + "#" + v.serviceId()));
        }
        item.put("serviceId", s(v.serviceId()));
        putIfPresent(item, "orderId", v.orderId());
        item.put("customerId", s(v.customerId()));
        putIfPresent(item, "customerEmail", v.customerEmail());
        // readable at a glance in the console; the pinned sale itself is the "sold" document
        item.put("productId", s(v.productId()));
        item.put("backend", s(v.backend()));
        putIfPresent(item, "connectionId", v.connectionId());
        item.put("sold", s(Json.write(v.sold())));
        putIfPresent(item, "hostname", v.hostname());
        putIfPresent(item, "osTemplateId", v.osTemplateId());
        putIfPresent(item, "osName", v.osName());
        item.put("status", s(v.status().name()));
        putIfPresent(item, "statusReason", v.statusReason());
        item.put("version", n(v.version()));
        item.put("createdAt", s(v.createdAt().toString()));
        item.put("updatedAt", s(v.updatedAt().toString()));
        putIfPresent(item, "paidUntil", v.paidUntil() == null ? null : v.paidUntil().toString());
        return item;
    }

    static String connectionPartition(String connectionId) {
        return "SERVICES#CONNECTION#" + connectionId;
    }

    static Service fromItem(Map<String, AttributeValue> item) {
        return new Service(str(item, "serviceId"), str(item, "orderId"), str(item, "customerId"),
                str(item, "customerEmail"), Json.read(str(item, "sold"), SoldProduct.class), str(item, "hostname"),
                str(item, "osTemplateId"), str(item, "osName"), ServiceStatus.valueOf(str(item, "status")),
                str(item, "statusReason"), num(item, "version"), instant(item, "createdAt"), instant(item, "updatedAt"),
                instant(item, "paidUntil"));
    }

    static Map<String, AttributeValue> toItem(ProvisioningStep step) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.of("SERVICE#" + step.serviceId(),
                String.format("STEP#%03d#%s", step.sequence(), step.name())));
        item.put("type", s("ProvisioningStep"));
        item.put("serviceId", s(step.serviceId()));
        item.put("sequence", n(step.sequence()));
        item.put("name", s(step.name()));
        item.put("status", s(step.status().name()));
        item.put("attempts", n(step.attempts()));
        putIfPresent(item, "detail", step.detail());
        item.put("updatedAt", s(step.updatedAt().toString()));
        return item;
    }

    static ProvisioningStep stepFromItem(Map<String, AttributeValue> item) {
        return new ProvisioningStep(str(item, "serviceId"), (int) num(item, "sequence"), str(item, "name"),
                StepStatus.valueOf(str(item, "status")), (int) num(item, "attempts"), str(item, "detail"),
                instant(item, "updatedAt"));
    }
}
