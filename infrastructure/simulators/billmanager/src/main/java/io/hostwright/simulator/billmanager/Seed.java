package io.hostwright.simulator.billmanager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the simulator starts with (and {@link BillManagerSimulator#reset} returns to): the reseller's login, the
 * balance, the pricelists licences are ordered from, and licences already there. Licence times are relative to the
 * clock's instant at start or reset, so a seed means the same whatever the clock.
 */
public record Seed(String user, String password, BigDecimal balance, List<Pricelist> pricelists,
                   List<Licence> licences) {

    public static final String DEMO_USER = "reseller";
    public static final String DEMO_PASSWORD = "billmgr-reseller-password";
    /** The demo balance, in the account's currency. */
    public static final BigDecimal DEMO_BALANCE = new BigDecimal("500.00");

    /** BILLmanager 6 Hosting&amp;Cloud, bought by the month. */
    public static final long BILLMANAGER6_MONTHLY = 55382;
    /** BILLmanager 6 Hosting&amp;Cloud, bought by the year. */
    public static final long BILLMANAGER6_YEARLY = 55384;
    public static final long ISPMANAGER6_LITE = 55227;
    public static final long ISPMANAGER6_PRO = 55228;

    /** The name and IP of a licence waiting in BILLmanager's pool. */
    public static final String FREE_NAME = "free.lic";
    public static final String FREE_IP = "0.0.0.0";

    public Seed {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isBlank() || user.contains(":")) {
            throw new IllegalArgumentException("user must be non-blank and without ':', got '" + user + "'");
        }
        balance = money(balance, "balance");
        pricelists = List.copyOf(pricelists);
        licences = List.copyOf(licences);
        Set<Long> ids = new HashSet<>();
        for (Pricelist p : pricelists) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("Pricelist " + p.id() + " is listed twice");
            }
        }
        for (Licence l : licences) {
            if (!ids.contains(l.pricelist())) {
                throw new IllegalArgumentException("Licence '" + l.name() + "' names unknown pricelist "
                        + l.pricelist());
            }
        }
    }

    /**
     * A priced tariff.
     *
     * @param pricePerMonth what one month costs; an order or renewal costs this × its period
     * @param periods       the periods (months: 1, 12) it can be ordered and renewed for
     */
    public record Pricelist(long id, String name, BigDecimal pricePerMonth, Set<Integer> periods) {
        public Pricelist {
            Objects.requireNonNull(name, "name");
            pricePerMonth = money(pricePerMonth, "pricePerMonth");
            periods = Set.copyOf(periods);
            if (id < 1) {
                throw new IllegalArgumentException("A pricelist id must be positive, got " + id);
            }
            if (periods.isEmpty() || !Set.of(1, 12).containsAll(periods)) {
                throw new IllegalArgumentException("periods must be some of 1 and 12, got " + periods);
            }
        }

        public BigDecimal cost(int months) {
            return pricePerMonth.multiply(BigDecimal.valueOf(months)).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /**
     * A licence there at start: active, expiring {@code expiresIn} after the start (negative: already expired, so
     * suspended, or gone when more than 30 days ago), its IP and key last changed {@code changedAgo} before it.
     */
    public record Licence(String name, String ip, long pricelist, int period, Duration expiresIn,
                          Duration changedAgo) {
        public Licence {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(ip, "ip");
            Objects.requireNonNull(expiresIn, "expiresIn");
            Objects.requireNonNull(changedAgo, "changedAgo");
            if (!Params.isIpv4(ip)) {
                throw new IllegalArgumentException("Not an IPv4 address: " + ip);
            }
            if (period != 1 && period != 12) {
                throw new IllegalArgumentException("period must be 1 or 12, got " + period);
            }
        }

        /** A pool licence: {@code free.lic}, {@code 0.0.0.0}. */
        public static Licence free(long pricelist, Duration expiresIn, Duration changedAgo) {
            return new Licence(FREE_NAME, FREE_IP, pricelist, 1, expiresIn, changedAgo);
        }
    }

    /**
     * {@code reseller} / {@code billmgr-reseller-password}, balance 500.00, the four pricelists (prices made up),
     * four free licences (three ispmanager 6 Lite, one Pro; last changed 60 days ago) and one in use.
     */
    public static Seed demo() {
        return new Seed(DEMO_USER, DEMO_PASSWORD, DEMO_BALANCE, List.of(
                new Pricelist(BILLMANAGER6_MONTHLY, "BILLmanager 6 Hosting&Cloud (monthly)", new BigDecimal("30.00"),
                        Set.of(1)),
                new Pricelist(BILLMANAGER6_YEARLY, "BILLmanager 6 Hosting&Cloud (yearly)", new BigDecimal("25.00"),
                        Set.of(12)),
                new Pricelist(ISPMANAGER6_LITE, "ispmanager 6 Lite", new BigDecimal("8.00"), Set.of(1, 12)),
                new Pricelist(ISPMANAGER6_PRO, "ispmanager 6 Pro", new BigDecimal("12.00"), Set.of(1, 12))),
                List.of(
                        Licence.free(ISPMANAGER6_LITE, Duration.ofDays(200), Duration.ofDays(60)),
                        Licence.free(ISPMANAGER6_LITE, Duration.ofDays(120), Duration.ofDays(60)),
                        Licence.free(ISPMANAGER6_LITE, Duration.ofDays(20), Duration.ofDays(60)),
                        Licence.free(ISPMANAGER6_PRO, Duration.ofDays(90), Duration.ofDays(60)),
                        new Licence("Item #42 addon ispmanager 6 Lite", "203.0.113.42", ISPMANAGER6_LITE, 1,
                                Duration.ofDays(15), Duration.ofDays(60))));
    }

    /** The demo seed without licences. */
    public static Seed empty() {
        Seed demo = demo();
        return new Seed(demo.user, demo.password, demo.balance, demo.pricelists, List.of());
    }

    public Seed withBalance(BigDecimal amount) {
        return new Seed(user, password, amount, pricelists, licences);
    }

    public Seed withLicences(List<Licence> list) {
        return new Seed(user, password, balance, pricelists, list);
    }

    static BigDecimal money(BigDecimal amount, String what) {
        Objects.requireNonNull(amount, what);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + amount);
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(what + " has more than two decimals: " + amount);
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
