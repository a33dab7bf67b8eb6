package io.hostwright.domain.catalog;

import io.hostwright.domain.service.SoldLicence;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Something a customer can order — a dedicated server, VPS, colocation unit, tenant or licence — provisioned by one
 * back-end over one of its connections.
 *
 * @param type           what kind of service it sells, shown in the public catalog
 * @param backend        the back-end that provisions it, e.g. {@code tenantos}
 * @param connectionId   the back-end connection it provisions on
 * @param department     staff e-mail address told about failures
 * @param osTemplates    operating systems offered; empty when the service has none to choose (a rack unit). On a
 *                       connection whose back-end syncs templates, the catalog fills it from the connection's usable
 *                       templates (see {@code OfferedTemplates}); the stored product then declares none
 * @param withheldOsTemplates templates of the connection this product does not offer (BILLmanager's per-tariff switch);
 *                       every other usable template of the connection is offered, new ones included
 * @param bandwidth      how its traffic is metered and what happens past the allowance; null: {@link
 *                       BandwidthPolicy#DEFAULT}
 * @param options        what an order may choose beside the OS, each with the price it adds
 * @param moduleSettings how the back-end provisions it: its own settings, which it validates; never shown publicly
 * @param visible        listed in the public catalog (a hidden product can still be read by id and ordered)
 * @param sortOrder      where the public catalog lists it, lowest first (then by id)
 * @param stockAlertBelow staff are told once when the back-end's stock of it falls below this; null: never
 * @param licence        the control-panel licence an order may add, chosen by one of its options; null: none
 */
public record Product(
        String productId,
        String name,
        String description,
        ServiceType type,
        String backend,
        String connectionId,
        String department,
        List<OsTemplate> osTemplates,
        List<OrderOption> options,
        Map<BillingCycle, Price> prices,
        Map<String, Object> moduleSettings,
        boolean visible,
        int sortOrder,
        Integer stockAlertBelow,
        List<String> withheldOsTemplates,
        BandwidthPolicy bandwidth,
        LicenceOffer licence) {

    /** A visible product at the default place, without a stock alert. */
    public Product(String productId, String name, String description, ServiceType type, String backend,
                   String connectionId, String department, List<OsTemplate> osTemplates, List<OrderOption> options,
                   Map<BillingCycle, Price> prices, Map<String, Object> moduleSettings) {
        this(productId, name, description, type, backend, connectionId, department, osTemplates, options, prices,
                moduleSettings, true, 0, null, List.of(), null);
    }

    /** A product without a control-panel licence. */
    public Product(String productId, String name, String description, ServiceType type, String backend,
                   String connectionId, String department, List<OsTemplate> osTemplates, List<OrderOption> options,
                   Map<BillingCycle, Price> prices, Map<String, Object> moduleSettings, boolean visible, int sortOrder,
                   Integer stockAlertBelow, List<String> withheldOsTemplates, BandwidthPolicy bandwidth) {
        this(productId, name, description, type, backend, connectionId, department, osTemplates, options, prices,
                moduleSettings, visible, sortOrder, stockAlertBelow, withheldOsTemplates, bandwidth, null);
    }

    /** A product with the default bandwidth policy. */
    public Product(String productId, String name, String description, ServiceType type, String backend,
                   String connectionId, String department, List<OsTemplate> osTemplates, List<OrderOption> options,
                   Map<BillingCycle, Price> prices, Map<String, Object> moduleSettings, boolean visible, int sortOrder,
                   Integer stockAlertBelow, List<String> withheldOsTemplates) {
        this(productId, name, description, type, backend, connectionId, department, osTemplates, options, prices,
                moduleSettings, visible, sortOrder, stockAlertBelow, withheldOsTemplates, null, null);
    }

    public Product {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(backend, "backend");
        description = description == null ? "" : description;
        osTemplates = osTemplates == null ? List.of() : List.copyOf(osTemplates);
        withheldOsTemplates = withheldOsTemplates == null ? List.of() : List.copyOf(withheldOsTemplates);
        options = options == null ? List.of() : List.copyOf(options);
        prices = prices == null || prices.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(prices));
        moduleSettings = moduleSettings == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(moduleSettings));
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("product " + productId + " has no billing cycle");
        }
        if (stockAlertBelow != null && stockAlertBelow < 1) {
            throw new IllegalArgumentException("product " + productId + ": stockAlertBelow must be at least 1");
        }
        Set<String> currencies = new HashSet<>();
        prices.values().forEach(p -> currencies.add(p.currency()));
        if (currencies.size() > 1) {
            throw new IllegalArgumentException("product " + productId + " is priced in more than one currency");
        }
        String currency = currencies.iterator().next();
        if (bandwidth != null && bandwidth.overagePerTb() != null
                && !bandwidth.overagePerTb().currency().equals(currency)) {
            throw new IllegalArgumentException("bandwidth.overagePerTb is not priced in " + currency);
        }
        Set<String> keys = new HashSet<>();
        for (OrderOption option : options) {
            if (!keys.add(option.key())) {
                throw new IllegalArgumentException("product " + productId + " declares option " + option.key() + " twice");
            }
            if (pricesOf(option).stream().anyMatch(p -> !p.currency().equals(currency))) {
                throw new IllegalArgumentException("option " + option.key() + " is not priced in " + currency);
            }
        }
        // the parameter, not option(): in a compact constructor the fields are assigned only at its end
        if (licence != null && options.stream().noneMatch(o -> o.key().equals(licence.option())
                && o instanceof ChoiceOption)) {
            throw new IllegalArgumentException("licence.option " + licence.option() + " is not a choice option of "
                    + productId);
        }
        Set<String> templateIds = new HashSet<>();
        for (OsTemplate template : osTemplates) {
            if (!templateIds.add(template.id())) {
                throw new IllegalArgumentException("product " + productId + " offers OS " + template.id() + " twice");
            }
        }
    }

    /** The same product offering {@code templates} (the catalog filling in its connection's templates). */
    public Product withOsTemplates(List<OsTemplate> templates) {
        return new Product(productId, name, description, type, backend, connectionId, department, templates, options,
                prices, moduleSettings, visible, sortOrder, stockAlertBelow, withheldOsTemplates, bandwidth, licence);
    }

    /** The licence an order with these (canonical) option values adds; empty when none. */
    public Optional<SoldLicence> licenceChosen(Map<String, String> chosen) {
        if (licence == null) {
            return Optional.empty();
        }
        ChoiceOption option = (ChoiceOption) option(licence.option()).orElseThrow();
        String value = chosen.getOrDefault(option.key(), option.defaultValue());
        if (LicenceOffer.NONE.equals(value)) {
            return Optional.empty();
        }
        ChoiceOption.Choice choice = option.choice(value).orElseThrow(() -> new IllegalArgumentException(
                "option " + option.key() + " has no choice " + value));
        return Optional.of(new SoldLicence(licence.connectionId(), Long.parseLong(value), choice.label()));
    }

    /** How its traffic is metered: its own policy, or the default. */
    public BandwidthPolicy bandwidthPolicy() {
        return bandwidth == null ? BandwidthPolicy.DEFAULT : bandwidth;
    }

    public Optional<OsTemplate> osTemplate(String id) {
        return osTemplates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<OrderOption> option(String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    public Optional<Price> price(BillingCycle cycle) {
        return Optional.ofNullable(prices.get(cycle));
    }

    public String currency() {
        return prices.values().iterator().next().currency();
    }

    /** The price of one billing cycle with these (canonical) option values: the cycle's price plus each option's monthly price for every month. */
    public Optional<Price> priceWith(BillingCycle cycle, Map<String, String> chosen) {
        return price(cycle).map(base -> {
            Price total = base;
            for (OrderOption option : options) {
                String value = chosen.getOrDefault(option.key(), option.defaultValue());
                total = total.plus(option.monthlyPrice(value, currency()).times(cycle.months()));
            }
            return total;
        });
    }

    private static List<Price> pricesOf(OrderOption option) {
        return switch (option) {
            case IntegerOption integer -> integer.unitPrice() == null ? List.of() : List.of(integer.unitPrice());
            case ChoiceOption choice -> choice.choices().stream().map(ChoiceOption.Choice::monthlyPrice)
                    .filter(Objects::nonNull).toList();
            case BooleanOption toggle -> toggle.monthlyPrice() == null ? List.of() : List.of(toggle.monthlyPrice());
        };
    }
}
