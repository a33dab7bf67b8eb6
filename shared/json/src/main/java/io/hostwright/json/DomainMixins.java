package io.hostwright.json;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostwright.domain.catalog.BooleanOption;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.OrderOption;
import io.hostwright.domain.step.StepMessage;

/**
 * What the JSON of domain values needs beyond their records, kept here so the domain stays free of Jackson: order
 * options say which kind they are ({@code "kind": "integer" | "choice" | "boolean"}), and step messages queued
 * before back-ends were plug-ins still read (their back-end was called {@code module}).
 */
final class DomainMixins {

    private DomainMixins() {
    }

    static ObjectMapper register(ObjectMapper mapper) {
        return mapper.addMixIn(OrderOption.class, OrderOptionMixin.class)
                .addMixIn(StepMessage.class, StepMessageMixin.class);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = IntegerOption.class, name = "integer"),
            @JsonSubTypes.Type(value = ChoiceOption.class, name = "choice"),
            @JsonSubTypes.Type(value = BooleanOption.class, name = "boolean")})
    abstract static class OrderOptionMixin {
    }

    abstract static class StepMessageMixin {
        @JsonCreator
        StepMessageMixin(@JsonProperty("serviceId") String serviceId, @JsonProperty("orderId") String orderId,
                         @JsonProperty("backend") @JsonAlias("module") String backend,
                         @JsonProperty("step") String step, @JsonProperty("attempt") int attempt,
                         @JsonProperty("operationId") String operationId, @JsonProperty("failures") int failures) {
        }
    }
}
