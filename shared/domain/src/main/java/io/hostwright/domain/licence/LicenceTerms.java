package io.hostwright.domain.licence;

import io.hostwright.domain.backend.SettingsReader;
import io.hostwright.domain.catalog.Connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How Hostwright deals with one licence connection, from its settings: the tariffs it sells and the panel each is
 * for (a monthly and a yearly tariff of one panel are the same licence, so the pool reuses across them), the one
 * period a tariff is sold for where the licence server sells it for only one (a "for one month" and a "for one year"
 * tariff), the period alignment rules, how early before expiry a licence is renewed, and whether free licences are
 * kept.
 *
 * <pre>{@code
 * "settings": {
 *   "tariffs": {"55382": "BILLmanager 6 Hosting&Cloud", "55384": "BILLmanager 6 Hosting&Cloud"},
 *   "tariffMonths": {"55382": 1, "55384": 12},
 *   "alignment": [{"servicePeriodMonths": 3, "buyMonths": 12, "productId": "ded-ryzen"}],
 *   "renewalLeadDays": 7,
 *   "keepFreeLicences": false
 * }
 * }</pre>
 */
public record LicenceTerms(Map<Long, String> tariffs, Map<Long, Integer> tariffMonths, PeriodAlignment alignment,
                           Duration renewalLead, boolean keepFreeLicences) {

    public static final Set<String> SETTINGS = Set.of("tariffs", "tariffMonths", "alignment", "renewalLeadDays",
            "keepFreeLicences");
    public static final int DEFAULT_LEAD_DAYS = 7;

    public LicenceTerms {
        tariffs = Map.copyOf(tariffs);
        tariffMonths = Map.copyOf(tariffMonths);
    }

    /** Terms whose tariffs are each sold for 1 and 12 months. */
    public LicenceTerms(Map<Long, String> tariffs, PeriodAlignment alignment, Duration renewalLead,
                        boolean keepFreeLicences) {
        this(tariffs, Map.of(), alignment, renewalLead, keepFreeLicences);
    }

    /** The connection's terms; every problem goes to {@code reader} naming its field. */
    public static LicenceTerms read(SettingsReader reader) {
        Map<Long, String> tariffs = new LinkedHashMap<>();
        reader.textMap("tariffs").forEach((id, panel) -> {
            if (id.matches("[1-9][0-9]{0,17}")) {
                tariffs.put(Long.parseLong(id), panel);
            } else {
                reader.problem("tariffs." + id, "must be keyed by the licence server's tariff id, a positive number");
            }
        });
        if (tariffs.isEmpty() && !reader.has("tariffs")) {
            reader.problem("tariffs", "is required: the tariff ids this licence server sells, each with its panel");
        }
        Map<Long, Integer> tariffMonths = new LinkedHashMap<>();
        reader.wholes("tariffMonths").forEach((id, months) -> {
            if (!id.matches("[1-9][0-9]{0,17}") || !tariffs.containsKey(Long.parseLong(id))) {
                reader.problem("tariffMonths." + id, "must name one of the tariffs");
            } else if (!PeriodAlignment.UPSTREAM_MONTHS.contains(months.intValue())) {
                reader.problem("tariffMonths." + id, "must be one of " + PeriodAlignment.UPSTREAM_MONTHS
                        + ": the licence server sells nothing else");
            } else {
                tariffMonths.put(Long.parseLong(id), months.intValue());
            }
        });
        List<PeriodAlignment.Rule> rules = new ArrayList<>();
        for (SettingsReader rule : reader.sections("alignment")) {
            rule.onlyKnown(Set.of("servicePeriodMonths", "buyMonths", "productId"));
            long service = rule.requiredWhole("servicePeriodMonths");
            long buy = rule.requiredWhole("buyMonths");
            String product = rule.text("productId", null);
            if (!rule.has("servicePeriodMonths") || !rule.has("buyMonths")) {
                continue; // said to be required
            }
            if (service < 1 || service > 120) {
                rule.problem("servicePeriodMonths", "must be 1 to 120");
            } else if (!PeriodAlignment.UPSTREAM_MONTHS.contains((int) buy)) {
                rule.problem("buyMonths", "must be one of " + PeriodAlignment.UPSTREAM_MONTHS
                        + ": the licence server sells nothing else");
            } else {
                rules.add(new PeriodAlignment.Rule((int) service, (int) buy, product));
            }
        }
        long lead = reader.whole("renewalLeadDays", DEFAULT_LEAD_DAYS);
        if (lead < 1 || lead > 60) {
            reader.problem("renewalLeadDays", "must be 1 to 60 days");
            lead = DEFAULT_LEAD_DAYS;
        }
        boolean keepFree = reader.flag("keepFreeLicences", false);
        return new LicenceTerms(tariffs, tariffMonths, new PeriodAlignment(rules), Duration.ofDays(lead), keepFree);
    }

    /** The terms of a saved connection (whose settings were checked when it was saved). */
    public static LicenceTerms of(Connection connection) {
        return read(new SettingsReader(connection.settings(), "settings"));
    }

    /**
     * The months to buy or renew a licence of {@code tariff} for, for a service of {@code productId} whose period is
     * {@code serviceMonths}: the one period the tariff is sold for, when it is sold for one only (no alignment can
     * buy a yearly tariff for a month); else as the alignment rules say.
     */
    public int monthsToBuy(long tariff, int serviceMonths, String productId) {
        Integer only = tariffMonths.get(tariff);
        return only != null ? only : alignment.monthsToBuy(serviceMonths, productId);
    }

    public Optional<String> panel(long pricelist) {
        return Optional.ofNullable(tariffs.get(pricelist));
    }

    /** Whether a licence bought on one tariff can serve an order of the other: the same panel. */
    public boolean samePanel(long a, long b) {
        return a == b || panel(a).isPresent() && panel(a).equals(panel(b));
    }
}
