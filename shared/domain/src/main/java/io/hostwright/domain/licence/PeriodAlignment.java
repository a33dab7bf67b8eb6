package io.hostwright.domain.licence;

import java.util.List;
import java.util.Objects;

/**
 * Which licence period to buy for a service period: upstream sells 1 or 12 months. A service period that is one of
 * them buys it; one that is neither buys the minimum, 1 month — unless a rule of the licence connection says
 * otherwise (initial period → replacement period, optionally only for one product), e.g. sell monthly while buying
 * yearly. The first rule that matches wins, a product's own rule before a rule for every product.
 */
public record PeriodAlignment(List<Rule> rules) {

    /** The periods the licence server sells, in months. */
    public static final List<Integer> UPSTREAM_MONTHS = List.of(1, 12);

    /**
     * @param serviceMonths the service period it applies to
     * @param buyMonths     what to buy instead: 1 or 12
     * @param productId     only for this product; null for every product
     */
    public record Rule(int serviceMonths, int buyMonths, String productId) {

        public Rule {
            if (serviceMonths < 1 || serviceMonths > 120) {
                throw new IllegalArgumentException("a service period is 1 to 120 months, not " + serviceMonths);
            }
            if (!UPSTREAM_MONTHS.contains(buyMonths)) {
                throw new IllegalArgumentException("the licence server sells 1 or 12 months, not " + buyMonths);
            }
        }

        boolean matches(int months, String product) {
            return serviceMonths == months && (productId == null || productId.equals(product));
        }
    }

    public static final PeriodAlignment NONE = new PeriodAlignment(List.of());

    public PeriodAlignment {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    }

    /** The months to buy for a service of {@code productId} whose period is {@code serviceMonths}. */
    public int monthsToBuy(int serviceMonths, String productId) {
        return rules.stream().filter(r -> r.productId() != null && r.matches(serviceMonths, productId)).findFirst()
                .or(() -> rules.stream().filter(r -> r.productId() == null && r.matches(serviceMonths, productId))
                        .findFirst())
                .map(Rule::buyMonths)
                .orElse(UPSTREAM_MONTHS.contains(serviceMonths) ? serviceMonths : 1);
    }
}
