package io.hostwright.local.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Ipv4Range;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a catalog seed ({@code {"products": [...]}}, see {@code infrastructure/local/seed/catalog.json}) into
 * products. Strict on purpose: an unknown or mistyped field is an error naming its JSON path, so a typo never seeds
 * a product that silently lacks an option. Independent of the laptop runtime, so any loader can reuse it.
 */
public final class CatalogSeedFile {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final Set<String> FILE_FIELDS = Set.of("products");
    private static final Set<String> PRODUCT_FIELDS = Set.of("productId", "name", "description", "module",
            "connectionId", "department", "osTemplates", "ipv4", "bandwidthTb", "prices");
    private static final Set<String> TEMPLATE_FIELDS = Set.of("id", "name");
    private static final Set<String> IPV4_FIELDS = Set.of("min", "max", "included");
    private static final Set<String> PRICE_FIELDS = Set.of("currency", "amountMinor");

    private final String source;

    private CatalogSeedFile(String source) {
        this.source = source;
    }

    /** The products of a seed file, in file order. */
    public static List<Product> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogSeedException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** The products of seed JSON; {@code source} names it in errors. */
    public static List<Product> parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogSeedException(source, "is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        return new CatalogSeedFile(source).products(root);
    }

    private List<Product> products(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw bad("", "must be a JSON object with a \"products\" list");
        }
        onlyKnownFields(root, "", FILE_FIELDS);
        JsonNode list = required(root, "", "products");
        if (!list.isArray() || list.isEmpty()) {
            throw bad("products", "must be a non-empty list");
        }
        List<Product> products = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "products[" + i + "]";
            Product product = product(list.get(i), path);
            if (!ids.add(product.productId())) {
                throw bad(path + ".productId", "duplicate product id \"" + product.productId() + "\"");
            }
            products.add(product);
        }
        return List.copyOf(products);
    }

    private Product product(JsonNode node, String path) {
        requireObject(node, path);
        onlyKnownFields(node, path, PRODUCT_FIELDS);
        String productId = text(node, path, "productId", "[a-z0-9][a-z0-9-]*");
        String department = text(node, path, "department", ".+@.+");
        try {
            return new Product(
                    productId,
                    text(node, path, "name", ".*\\S.*"),
                    optionalText(node, path, "description"),
                    text(node, path, "module", "[a-z][a-z0-9-]*"),
                    text(node, path, "connectionId", "[a-z0-9][a-z0-9-]*"),
                    department,
                    osTemplates(required(node, path, "osTemplates"), path + ".osTemplates"),
                    ipv4(required(node, path, "ipv4"), path + ".ipv4"),
                    bandwidth(required(node, path, "bandwidthTb"), path + ".bandwidthTb"),
                    prices(required(node, path, "prices"), path + ".prices"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw bad(path, e.getMessage());
        }
    }

    private List<OsTemplate> osTemplates(JsonNode node, String path) {
        nonEmptyArray(node, path);
        List<OsTemplate> templates = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode template = node.get(i);
            requireObject(template, at);
            onlyKnownFields(template, at, TEMPLATE_FIELDS);
            String id = text(template, at, "id", "[a-z0-9][a-z0-9._-]*");
            if (!ids.add(id)) {
                throw bad(at + ".id", "duplicate OS template \"" + id + "\"");
            }
            templates.add(new OsTemplate(id, text(template, at, "name", ".*\\S.*")));
        }
        return templates;
    }

    private Ipv4Range ipv4(JsonNode node, String path) {
        requireObject(node, path);
        onlyKnownFields(node, path, IPV4_FIELDS);
        int min = integer(node, path, "min");
        int max = integer(node, path, "max");
        int included = integer(node, path, "included");
        if (min < 1) {
            throw bad(path + ".min", "must be at least 1");
        }
        if (max < min) {
            throw bad(path + ".max", "must be at least min (" + min + ")");
        }
        if (included < min || included > max) {
            throw bad(path + ".included", "must be between min and max (" + min + ".." + max + ")");
        }
        return new Ipv4Range(min, max, included);
    }

    private List<Integer> bandwidth(JsonNode node, String path) {
        nonEmptyArray(node, path);
        List<Integer> choices = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode tb = node.get(i);
            if (!tb.canConvertToInt() || !tb.isIntegralNumber() || tb.intValue() < 1) {
                throw bad(path + "[" + i + "]", "must be a whole number of terabytes, at least 1");
            }
            choices.add(tb.intValue());
        }
        return choices;
    }

    private Map<BillingCycle, Price> prices(JsonNode node, String path) {
        requireObject(node, path);
        if (node.isEmpty()) {
            throw bad(path, "must price at least one billing cycle");
        }
        Map<BillingCycle, Price> prices = new EnumMap<>(BillingCycle.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String at = path + "." + entry.getKey();
            BillingCycle cycle = BillingCycle.fromCode(entry.getKey()).orElseThrow(() -> bad(at,
                    "unknown billing cycle; use one of " + Arrays.stream(BillingCycle.values())
                            .map(BillingCycle::code).collect(Collectors.joining(", "))));
            JsonNode price = entry.getValue();
            requireObject(price, at);
            onlyKnownFields(price, at, PRICE_FIELDS);
            String currency = text(price, at, "currency", "[A-Z]{3}");
            JsonNode amount = required(price, at, "amountMinor");
            if (!amount.isIntegralNumber() || !amount.canConvertToLong() || amount.longValue() < 0) {
                throw bad(at + ".amountMinor", "must be a whole, non-negative number of minor units (cents)");
            }
            prices.put(cycle, new Price(currency, amount.longValue()));
        }
        return prices;
    }

    private JsonNode required(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw bad(join(path, field), "is required");
        }
        return value;
    }

    private String text(JsonNode node, String path, String field, String pattern) {
        JsonNode value = required(node, path, field);
        if (!value.isTextual()) {
            throw bad(join(path, field), "must be a string");
        }
        if (!value.textValue().matches(pattern)) {
            throw bad(join(path, field), "\"" + value.textValue() + "\" does not match " + pattern);
        }
        return value.textValue();
    }

    private String optionalText(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw bad(join(path, field), "must be a string");
        }
        return value.textValue();
    }

    private int integer(JsonNode node, String path, String field) {
        JsonNode value = required(node, path, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw bad(join(path, field), "must be a whole number");
        }
        return value.intValue();
    }

    private void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw bad(path, "must be a JSON object");
        }
    }

    private void nonEmptyArray(JsonNode node, String path) {
        if (!node.isArray() || node.isEmpty()) {
            throw bad(path, "must be a non-empty list");
        }
    }

    private void onlyKnownFields(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw bad(join(path, name), "unknown field; expected one of " + known.stream().sorted().toList());
            }
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private CatalogSeedException bad(String field, String problem) {
        return new CatalogSeedException(source, field, problem);
    }
}
