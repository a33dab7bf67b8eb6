package io.hostwright.benchmark.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.emulators.LocalAws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/**
 * The services a provisioning sample event starts: before each run its copy's {@code begin} messages name fresh
 * service ids, so each gets a PENDING service (and its order, already dispatched, so the sweeper leaves it alone)
 * as order acceptance would have written it. The first invocation then does what a real one does (the service
 * turns PROVISIONING and the first step is queued) rather than drop a message about an unknown service.
 */
final class PendingServices {

    private final DynamoDbOrderRepository orders;
    private final DynamoDbServiceRepository services;
    private final Product product;

    PendingServices(LocalAws aws, Product product) {
        this.orders = new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), Clock.systemUTC());
        this.services = new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName());
        this.product = product;
    }

    /** The service ids of the {@code begin} messages in an SQS event. */
    static List<String> beginServiceIds(JsonNode event) {
        List<String> ids = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            try {
                JsonNode body = SampleEvent.MAPPER.readTree(record.path("body").asText(""));
                if (StepMessage.FIRST_STEP.equals(body.path("step").asText())
                        && body.path("serviceId").isTextual()) {
                    ids.add(body.get("serviceId").asText());
                }
            } catch (IOException notJson) {
                // not a provisioning request: nothing to prepare
            }
        }
        return ids;
    }

    /** Writes a PENDING service for each begin message of the event file; answers their ids. */
    List<String> prepare(Path eventFile) {
        List<String> ids;
        try {
            ids = beginServiceIds(SampleEvent.MAPPER.readTree(eventFile.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + eventFile, e);
        }
        Instant now = Instant.now();
        for (String serviceId : ids) {
            if (services.findService(serviceId).isPresent()) {
                continue;
            }
            String orderId = "ord_coldstart_" + serviceId;
            String customer = "coldstart-customer";
            String email = "coldstart@example.test";
            String os = product.osTemplates().getFirst().id();
            String osName = product.osTemplates().getFirst().name();
            BillingCycle cycle = product.prices().keySet().stream().sorted().findFirst().orElse(BillingCycle.MONTHLY);
            Price price = product.price(cycle).orElse(new Price("EUR", 0));
            Map<String, String> options = new LinkedHashMap<>();
            product.options().forEach(o -> options.put(o.key(), o.defaultValue()));
            Order order = new Order(orderId, serviceId, customer, email, product.productId(), product.name(),
                    product.backend(), cycle, price, "coldstart.example.test", os, options, now, now);
            SoldProduct sold = new SoldProduct(product.productId(), product.name(), product.type(), product.backend(),
                    product.connectionId(), product.department(), cycle, options, product.moduleSettings());
            Service service = new Service(serviceId, orderId, customer, email, sold, "coldstart.example.test", os,
                    osName, ServiceStatus.PENDING, "waiting for provisioning", 1, now, now);
            orders.place(new IdempotencyRecord(customer, orderId, "coldstart", orderId, serviceId, now,
                    now.plus(Duration.ofDays(1))), order, service);
        }
        return ids;
    }

    /** The services' statuses now, e.g. {@code PROVISIONING}; "missing" for one not in the table. */
    String statuses(List<String> serviceIds) {
        return serviceIds.stream()
                .map(id -> services.findService(id).map(s -> s.status().name()).orElse("missing"))
                .distinct().collect(Collectors.joining("/"));
    }
}
