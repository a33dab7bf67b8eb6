package io.hostwright.json.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.BooleanOption;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.LicenceOffer;
import io.hostwright.domain.catalog.OrderOption;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.problem.InvalidRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A product from its JSON document — the catalog seed now, the staff catalog API next — checked field by field.
 * Strict on purpose: an unknown or mistyped field is a problem naming its path, so a typo never sells a product
 * that silently lacks an option. The back-end's own settings ({@code moduleSettings}) are read as they are; the
 * back-end checks them.
 */
public final class ProductReader {

    /**
     * What the staff API shows beside a product — the OS templates it offers now, its stock — read-only and ignored
     * when sent back, so a document read can be sent back as it is.
     */
    public static final String OFFERED = "offeredOsTemplates";
    public static final String STOCK = "stock";
    private static final Set<String> FIELDS = Set.of("productId", "name", "description", "type", "backend",
            "connectionId", "department", "osTemplates", "options", "prices", "moduleSettings", "visible", "sortOrder",
            "stockAlertBelow", "withheldOsTemplates", "bandwidth", "licence", OFFERED, STOCK);
    /** Template ids: the internal names of synced templates are the back-end's (upper case, underscores, spaces). */
    private static final String TEMPLATE_ID = "\\S[^\\p{Cntrl}]{0,199}";
    private static final String ID = StrictReader.ID;

    private ProductReader() {
    }

    /** @param path where the document sits, e.g. {@code products[2]}; empty for a request body */
    public static Product read(JsonNode node, String path) {
        StrictReader r = new StrictReader();
        if (!r.object(node, path)) {
            throw new InvalidRequest(r.violations());
        }
        r.onlyKnown(node, path, FIELDS);
        String productId = r.text(node, path, "productId", ID, true);
        String name = r.text(node, path, "name", ".*\\S.*", true);
        String description = r.text(node, path, "description", null, false);
        String typeCode = r.text(node, path, "type", null, true);
        ServiceType type = typeCode == null ? null : ServiceType.fromCode(typeCode).orElse(null);
        if (typeCode != null && type == null) {
            r.problem(StrictReader.join(path, "type"), "must be one of "
                    + Arrays.stream(ServiceType.values()).map(ServiceType::code).toList());
        }
        String backend = r.text(node, path, "backend", "[a-z][a-z0-9-]*", true);
        String connectionId = r.text(node, path, "connectionId", ID, true);
        String department = r.text(node, path, "department", ".+@.+", false);
        List<OsTemplate> templates = osTemplates(r, node.get("osTemplates"), StrictReader.join(path, "osTemplates"));
        List<OrderOption> options = options(r, node.get("options"), StrictReader.join(path, "options"));
        Map<BillingCycle, Price> prices = prices(r, node.get("prices"), StrictReader.join(path, "prices"));
        Map<String, Object> settings = r.settings(node.get("moduleSettings"), StrictReader.join(path, "moduleSettings"));
        Boolean visible = r.flag(node, path, "visible");
        Long sortOrder = r.whole(node, path, "sortOrder", false);
        if (sortOrder != null && (sortOrder < -1_000_000 || sortOrder > 1_000_000)) {
            r.problem(StrictReader.join(path, "sortOrder"), "must be between -1000000 and 1000000");
        }
        Long stockAlertBelow = r.whole(node, path, "stockAlertBelow", false);
        if (stockAlertBelow != null && (stockAlertBelow < 1 || stockAlertBelow > 100_000)) {
            r.problem(StrictReader.join(path, "stockAlertBelow"), "must be between 1 and 100000");
        }
        List<String> withheld = r.texts(node, path, "withheldOsTemplates", TEMPLATE_ID);
        BandwidthPolicy bandwidth = bandwidth(r, node.get("bandwidth"), StrictReader.join(path, "bandwidth"));
        LicenceOffer licence = licence(r, node.get("licence"), StrictReader.join(path, "licence"));
        if (!r.violations().isEmpty()) {
            throw new InvalidRequest(r.violations());
        }
        try {
            return new Product(productId, name, description, type, backend, connectionId, department, templates,
                    options, prices, settings, visible == null || visible, sortOrder == null ? 0 : sortOrder.intValue(),
                    stockAlertBelow == null ? null : stockAlertBelow.intValue(), withheld, bandwidth, licence);
        } catch (IllegalArgumentException inconsistent) {
            throw InvalidRequest.of(path.isEmpty() ? "body" : path, inconsistent.getMessage());
        }
    }

    /** The control-panel licence an order may add; null when the product offers none. */
    private static LicenceOffer licence(StrictReader r, JsonNode node, String path) {
        if (node == null || node.isNull() || !r.object(node, path)) {
            return null;
        }
        r.onlyKnown(node, path, Set.of("option", "connectionId"));
        String option = r.text(node, path, "option", "[a-z][A-Za-z0-9]{0,39}", true);
        String connectionId = r.text(node, path, "connectionId", ID, true);
        return option == null || connectionId == null ? null : new LicenceOffer(option, connectionId);
    }

    /** How traffic is metered and what happens past the allowance; null when the product leaves it out. */
    private static BandwidthPolicy bandwidth(StrictReader r, JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!r.object(node, path)) {
            return null;
        }
        r.onlyKnown(node, path, Set.of("metering", "nearLimitPercent", "overuseAction", "overagePerTb", "includedTb"));
        int before = r.violations().size();
        String metering = r.text(node, path, "metering", "total|outbound|greater", false);
        Long near = r.whole(node, path, "nearLimitPercent", false);
        if (near != null && (near < 1 || near > 99)) {
            r.problem(StrictReader.join(path, "nearLimitPercent"), "must be 1..99");
        }
        String action = r.text(node, path, "overuseAction", "notify|suspend|bill", false);
        Price overage = r.price(node.get("overagePerTb"), StrictReader.join(path, "overagePerTb"), false);
        if ("bill".equals(action) && overage == null) {
            r.problem(StrictReader.join(path, "overagePerTb"), "is required when overuseAction is bill");
        }
        if (overage != null && !"bill".equals(action)) {
            r.problem(StrictReader.join(path, "overagePerTb"), "is only for overuseAction bill");
        }
        Long included = r.whole(node, path, "includedTb", false);
        if (included != null && (included < 0 || included > 1_000_000)) {
            r.problem(StrictReader.join(path, "includedTb"), "must be 0..1000000");
        }
        if (r.violations().size() > before) {
            return null;
        }
        BandwidthPolicy defaults = BandwidthPolicy.DEFAULT;
        return new BandwidthPolicy(
                metering == null ? defaults.metering() : BandwidthPolicy.Metering.valueOf(metering.toUpperCase(Locale.ROOT)),
                near == null ? defaults.nearLimitPercent() : near.intValue(),
                action == null ? defaults.overuseAction()
                        : BandwidthPolicy.OveruseAction.valueOf(action.toUpperCase(Locale.ROOT)),
                overage, included);
    }

    private static List<OsTemplate> osTemplates(StrictReader r, JsonNode node, String path) {
        List<OsTemplate> templates = new ArrayList<>();
        if (node == null || node.isNull()) {
            return templates;
        }
        if (!node.isArray()) {
            r.problem(path, "must be a list");
            return templates;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode template = node.get(i);
            if (!r.object(template, at)) {
                continue;
            }
            r.onlyKnown(template, at, Set.of("id", "name"));
            String id = r.text(template, at, "id", "[a-z0-9][a-z0-9._-]*", true);
            String name = r.text(template, at, "name", ".*\\S.*", true);
            if (templates.stream().anyMatch(t -> t.id().equals(id))) {
                r.problem(at + ".id", "duplicate OS template \"" + id + "\"");
            } else if (id != null && name != null) {
                templates.add(new OsTemplate(id, name));
            }
        }
        return templates;
    }

    private static List<OrderOption> options(StrictReader r, JsonNode node, String path) {
        List<OrderOption> options = new ArrayList<>();
        if (node == null || node.isNull()) {
            return options;
        }
        if (!node.isArray()) {
            r.problem(path, "must be a list");
            return options;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode option = node.get(i);
            if (!r.object(option, at)) {
                continue;
            }
            int before = r.violations().size();
            String kind = r.text(option, at, "kind", null, true);
            String key = r.text(option, at, "key", "[a-z][A-Za-z0-9]{0,39}", true);
            String label = r.text(option, at, "label", null, false);
            OrderOption read = switch (kind == null ? "" : kind) {
                case "integer" -> integer(r, option, at, key, label);
                case "choice" -> choice(r, option, at, key, label);
                case "boolean" -> toggle(r, option, at, key, label);
                default -> {
                    if (kind != null) {
                        r.problem(at + ".kind", "must be integer, choice or boolean");
                    }
                    yield null;
                }
            };
            if (read != null && r.violations().size() == before) {
                if (options.stream().anyMatch(o -> o.key().equals(read.key()))) {
                    r.problem(at + ".key", "duplicate option \"" + read.key() + "\"");
                } else {
                    options.add(read);
                }
            }
        }
        return options;
    }

    private static OrderOption integer(StrictReader r, JsonNode node, String at, String key, String label) {
        r.onlyKnown(node, at, Set.of("kind", "key", "label", "min", "max", "step", "included", "unitPrice"));
        Long min = r.whole(node, at, "min", true);
        Long max = r.whole(node, at, "max", true);
        Long step = r.whole(node, at, "step", false);
        Long included = r.whole(node, at, "included", false);
        Price unit = r.price(node.get("unitPrice"), at + ".unitPrice", false);
        if (key == null || min == null || max == null) {
            return null;
        }
        try {
            return new IntegerOption(key, label, min, max, step == null ? 1 : step, included == null ? min : included,
                    unit);
        } catch (IllegalArgumentException e) {
            r.problem(at, e.getMessage());
            return null;
        }
    }

    private static OrderOption choice(StrictReader r, JsonNode node, String at, String key, String label) {
        r.onlyKnown(node, at, Set.of("kind", "key", "label", "default", "choices"));
        String fallback = r.text(node, at, "default", null, false);
        JsonNode list = node.get("choices");
        if (list == null || !list.isArray() || list.isEmpty()) {
            r.problem(at + ".choices", "must be a non-empty list");
            return null;
        }
        List<ChoiceOption.Choice> choices = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String c = at + ".choices[" + i + "]";
            JsonNode choice = list.get(i);
            if (!r.object(choice, c)) {
                continue;
            }
            r.onlyKnown(choice, c, Set.of("value", "label", "monthlyPrice"));
            JsonNode value = choice.get("value");
            if (value == null || !(value.isTextual() || value.isIntegralNumber()) || value.asText().isBlank()) {
                r.problem(c + ".value", "must be a string or a whole number");
                continue;
            }
            choices.add(new ChoiceOption.Choice(value.asText(), r.text(choice, c, "label", null, false),
                    r.price(choice.get("monthlyPrice"), c + ".monthlyPrice", false)));
        }
        if (key == null) {
            return null;
        }
        try {
            return new ChoiceOption(key, label, choices, fallback);
        } catch (IllegalArgumentException e) {
            r.problem(at, e.getMessage());
            return null;
        }
    }

    private static OrderOption toggle(StrictReader r, JsonNode node, String at, String key, String label) {
        r.onlyKnown(node, at, Set.of("kind", "key", "label", "default", "monthlyPrice"));
        Boolean on = r.flag(node, at, "default");
        Price price = r.price(node.get("monthlyPrice"), at + ".monthlyPrice", false);
        return key == null ? null : new BooleanOption(key, label, on != null && on, price);
    }

    private static Map<BillingCycle, Price> prices(StrictReader r, JsonNode node, String path) {
        Map<BillingCycle, Price> prices = new EnumMap<>(BillingCycle.class);
        if (node == null || !node.isObject() || node.isEmpty()) {
            r.problem(path, "must price at least one billing cycle, e.g. {\"monthly\": {\"currency\": \"EUR\", "
                    + "\"amountMinor\": 4900}}");
            return prices;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String at = path + "." + entry.getKey();
            BillingCycle cycle = BillingCycle.fromCode(entry.getKey()).orElse(null);
            if (cycle == null) {
                r.problem(at, "unknown billing cycle; use one of "
                        + Arrays.stream(BillingCycle.values()).map(BillingCycle::code).toList());
                continue;
            }
            Price price = r.price(entry.getValue(), at, true);
            if (price != null) {
                prices.put(cycle, price);
            }
        }
        return prices;
    }
}
