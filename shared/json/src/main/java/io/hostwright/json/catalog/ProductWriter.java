package io.hostwright.json.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.domain.catalog.BooleanOption;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.OrderOption;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.json.Json;

import java.util.Comparator;

/**
 * A product as the document {@link ProductReader} reads: what staff get from the catalog API and send back changed,
 * so a read, an edit and a write round-trip without loss.
 */
public final class ProductWriter {

    private ProductWriter() {
    }

    public static ObjectNode write(Product p) {
        ObjectNode doc = Json.MAPPER.createObjectNode()
                .put("productId", p.productId())
                .put("name", p.name())
                .put("description", p.description())
                .put("type", p.type().code())
                .put("backend", p.backend())
                .put("connectionId", p.connectionId());
        if (p.department() != null) {
            doc.put("department", p.department());
        }
        ArrayNode templates = doc.putArray("osTemplates");
        for (OsTemplate t : p.osTemplates()) {
            templates.addObject().put("id", t.id()).put("name", t.name());
        }
        ArrayNode options = doc.putArray("options");
        p.options().forEach(o -> options.add(option(o)));
        ObjectNode prices = doc.putObject("prices");
        p.prices().entrySet().stream().sorted(Comparator.comparingInt(e -> e.getKey().months()))
                .forEach(e -> prices.set(e.getKey().code(), price(e.getValue())));
        doc.set("moduleSettings", Json.MAPPER.valueToTree(p.moduleSettings()));
        doc.put("visible", p.visible()).put("sortOrder", p.sortOrder());
        if (p.stockAlertBelow() != null) {
            doc.put("stockAlertBelow", p.stockAlertBelow());
        }
        ArrayNode withheld = doc.putArray("withheldOsTemplates");
        p.withheldOsTemplates().forEach(withheld::add);
        if (p.bandwidth() != null) {
            ObjectNode bandwidth = doc.putObject("bandwidth")
                    .put("metering", p.bandwidth().metering().code())
                    .put("nearLimitPercent", p.bandwidth().nearLimitPercent())
                    .put("overuseAction", p.bandwidth().overuseAction().code());
            if (p.bandwidth().overagePerTb() != null) {
                bandwidth.set("overagePerTb", price(p.bandwidth().overagePerTb()));
            }
            if (p.bandwidth().includedTb() != null) {
                bandwidth.put("includedTb", p.bandwidth().includedTb());
            }
        }
        if (p.licence() != null) {
            doc.putObject("licence").put("option", p.licence().option())
                    .put("connectionId", p.licence().connectionId());
        }
        return doc;
    }

    private static ObjectNode option(OrderOption option) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        switch (option) {
            case IntegerOption i -> {
                node.put("kind", "integer").put("key", i.key()).put("label", i.label()).put("min", i.min())
                        .put("max", i.max()).put("step", i.step()).put("included", i.included());
                if (i.unitPrice() != null) {
                    node.set("unitPrice", price(i.unitPrice()));
                }
            }
            case ChoiceOption c -> {
                node.put("kind", "choice").put("key", c.key()).put("label", c.label()).put("default", c.defaultValue());
                ArrayNode choices = node.putArray("choices");
                for (ChoiceOption.Choice choice : c.choices()) {
                    ObjectNode one = choices.addObject().put("value", choice.value()).put("label", choice.label());
                    if (choice.monthlyPrice() != null) {
                        one.set("monthlyPrice", price(choice.monthlyPrice()));
                    }
                }
            }
            case BooleanOption b -> {
                node.put("kind", "boolean").put("key", b.key()).put("label", b.label()).put("default", b.defaultOn());
                if (b.monthlyPrice() != null) {
                    node.set("monthlyPrice", price(b.monthlyPrice()));
                }
            }
        }
        return node;
    }

    private static ObjectNode price(Price price) {
        return Json.MAPPER.createObjectNode().put("currency", price.currency()).put("amountMinor", price.amountMinor());
    }
}
