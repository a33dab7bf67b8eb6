package io.hostwright.benchmark.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleEventTest {

    @TempDir
    Path dir;

    @Test
    void eachRunOrdersWithItsOwnIdempotencyKey() throws Exception {
        SampleEvent order = new SampleEvent(SampleEvents.API_EVENT, "test", false, SampleEvent.MAPPER.readTree("""
                {"routeKey": "POST /v1/orders", "headers": {"Idempotency-Key": "sample-1"},
                 "body": "{\\"productId\\": \\"p1\\", \\"os\\": \\"alpine\\", \\"options\\": {\\"ipv4\\": 12}}"}
                """));

        JsonNode first = SampleEvent.MAPPER.readTree(order.freshCopy("run1", dir).toFile());
        JsonNode second = SampleEvent.MAPPER.readTree(order.freshCopy("run2", dir).toFile());

        assertThat(first.path("headers").path("Idempotency-Key").asText()).isEqualTo("sample-1-run1");
        assertThat(second.path("headers").path("Idempotency-Key").asText()).isEqualTo("sample-1-run2");
        assertThat(order.productId()).contains("p1");
    }

    @Test
    void eachRunMailsAboutItsOwnService() throws Exception {
        SampleEvent mail = new SampleEvent(SampleEvents.SQS_EVENT, "test", false, SampleEvent.MAPPER.readTree("""
                {"Records": [{"messageId": "m1",
                  "body": "{\\"serviceId\\": \\"svc_1\\", \\"event\\": \\"initial-order\\", \\"variables\\": {\\"serviceId\\": \\"svc_1\\"}}"}]}
                """));

        JsonNode record = SampleEvent.MAPPER.readTree(mail.freshCopy("run3", dir).toFile()).path("Records").get(0);
        JsonNode body = SampleEvent.MAPPER.readTree(record.path("body").asText());

        assertThat(record.path("messageId").asText()).isNotEqualTo("m1");
        assertThat(body.path("serviceId").asText()).isEqualTo("svc_1-run3");
        assertThat(body.path("variables").path("serviceId").asText()).isEqualTo("svc_1-run3");
        assertThat(body.path("event").asText()).isEqualTo("initial-order");
    }

    @Test
    void aProductTheCatalogLacksAcceptsWhatTheEventOrders() throws Exception {
        SampleEvent order = new SampleEvent(SampleEvents.API_EVENT, "test", false, SampleEvent.MAPPER.readTree("""
                {"body": "{\\"productId\\": \\"p1\\", \\"billingCycle\\": \\"monthly\\", \\"os\\": \\"alpine\\", \\"options\\": {\\"ipv4\\": 12, \\"bandwidthTb\\": 7}}"}
                """));

        var product = BenchmarkCatalog.toSeed(List.of(), List.of(order)).getFirst();

        assertThat(product.productId()).isEqualTo("p1");
        assertThat(product.osTemplate("alpine")).isPresent();
        assertThat(product.option("ipv4").orElseThrow().problem(12)).isEmpty();
        assertThat(product.option("bandwidthTb").orElseThrow().problem(7)).isEmpty();
    }
}
