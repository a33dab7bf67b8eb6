package io.hostwright.domain.licence;

import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.problem.InvalidRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Use case: the licence pool as staff see it — every licence of the licence connections as last mirrored from their
 * servers, which service holds it, whether a free one can be reused now (and if not, why, and from when), and which
 * run out within their connection's renewal lead time. Reads the pool only: no licence server is asked, and no
 * licence key is ever part of it (keys are the services' secrets).
 */
public final class LicencePoolView {

    /** The query's fields, as a problem names them. */
    public static final String STATE = "state";
    public static final String CONNECTION = "connectionId";

    /** Which licences to list. */
    public enum Filter {
        /** Held by no service (reusable now or not). */
        FREE,
        /** Held by a service. */
        ASSIGNED,
        /** Running out within the connection's renewal lead time, held or not. */
        EXPIRING;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The filter a query names; null or blank: none (every licence). */
        public static Filter parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            for (Filter f : values()) {
                if (f.code().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw InvalidRequest.of(STATE, "must be one of " + Arrays.stream(values()).map(Filter::code)
                    .collect(Collectors.joining(", ")) + ", or left out for every licence");
        }
    }

    /**
     * One licence of the pool.
     *
     * @param panel          the panel its tariff is for, from the connection's terms; null when its tariff is not
     *                       among them
     * @param heldBy         the service holding it; null when it is free
     * @param expiring       it runs out within the connection's renewal lead time (or has run out)
     * @param reusable       a new service could take it now
     * @param whyNotReusable why not, in words; null when it is reusable
     * @param reusableFrom   when it becomes reusable if only time passes (its rest after an IP or key change);
     *                       null when it is reusable now or something else stands in the way
     */
    public record Item(String connectionId, String licenceId, String panel, long pricelist, PoolLicence.Status status,
                       String name, String ip, Instant expiresAt, Instant lastIpChange, Instant lastKeyChange,
                       String heldBy, Instant heldSince, boolean expiring, boolean reusable, String whyNotReusable,
                       Instant reusableFrom) {

        public boolean free() {
            return heldBy == null;
        }

        boolean matches(Filter filter) {
            return filter == null || switch (filter) {
                case FREE -> free();
                case ASSIGNED -> !free();
                case EXPIRING -> expiring;
            };
        }
    }

    /** How many of the connections' licences (whatever the filter) are free, reusable, assigned, expiring. */
    public record Counts(int licences, int free, int reusable, int assigned, int expiring) {
    }

    /**
     * @param filter       null: every licence
     * @param connectionId null: every licence connection
     */
    public record Listing(Instant at, Filter filter, String connectionId, Counts counts, List<Item> licences) {
        public Listing {
            licences = List.copyOf(licences);
        }
    }

    private static final Comparator<Item> ORDER = Comparator.comparing(Item::connectionId)
            .thenComparing(Item::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Item::licenceId);

    private final LicenceConnections connections;
    private final LicencePool pool;
    private final Clock clock;

    public LicencePoolView(LicenceConnections connections, LicencePool pool, Clock clock) {
        this.connections = connections;
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * The licences matching {@code state} ({@link Filter#parse}) of the connection {@code connectionId}, or of every
     * licence connection; sorted by connection, then expiry (soonest first), then id.
     *
     * @throws InvalidRequest naming {@link #STATE} or {@link #CONNECTION} when either is not one there is
     */
    public Listing list(String state, String connectionId) {
        Filter filter = Filter.parse(state);
        String only = connectionId == null || connectionId.isBlank() ? null : connectionId.strip();
        List<Connection> chosen = connections.all().stream()
                .filter(c -> only == null || c.connectionId().equals(only))
                .toList();
        if (only != null && chosen.isEmpty()) {
            throw InvalidRequest.of(CONNECTION, "no licence connection has the id '" + only + "'");
        }
        Instant now = clock.instant();
        List<Item> all = new ArrayList<>();
        for (Connection connection : chosen) {
            LicenceTerms terms = LicenceTerms.of(connection);
            Instant horizon = now.plus(terms.renewalLead());
            for (PooledLicence pooled : pool.list(connection.connectionId())) {
                all.add(item(connection.connectionId(), pooled, terms, now, horizon));
            }
        }
        Counts counts = new Counts(all.size(), count(all, Filter.FREE), (int) all.stream().filter(Item::reusable)
                .count(), count(all, Filter.ASSIGNED), count(all, Filter.EXPIRING));
        List<Item> listed = all.stream().filter(i -> i.matches(filter)).sorted(ORDER).toList();
        return new Listing(now, filter, only, counts, listed);
    }

    private static int count(List<Item> items, Filter filter) {
        return (int) items.stream().filter(i -> i.matches(filter)).count();
    }

    private static Item item(String connectionId, PooledLicence pooled, LicenceTerms terms, Instant now,
                             Instant horizon) {
        PoolLicence l = pooled.licence();
        String why = pooled.heldBy() != null ? "held by service " + pooled.heldBy() : l.whyNotFree(now);
        Instant from = pooled.heldBy() != null ? null : l.freeFrom(now);
        return new Item(connectionId, l.upstreamId(),
                terms.panel(pooled.pricelist()).orElse(null), pooled.pricelist(), l.status(), l.name(), l.ip(),
                l.expiresAt(), l.lastIpChange(), l.lastKeyChange(), pooled.heldBy(), pooled.heldSince(),
                l.runsOutBy(horizon), why == null, why, from);
    }
}
