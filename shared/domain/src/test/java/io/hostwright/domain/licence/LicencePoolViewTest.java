package io.hostwright.domain.licence;

import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.InMemoryConnections;
import io.hostwright.domain.fixtures.InMemoryLicencePool;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Staff's view of the pool over two licence connections (a week's and a month's renewal lead) and a server
 * connection that is none, on the in-memory pool; no licence server is ever asked.
 */
class LicencePoolViewTest {

    private static final Instant NOW = Instant.parse("2027-03-10T09:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(120));
    private static final String WEEK = "lic-week";
    private static final String MONTH = "lic-month";
    private static final String BILLMANAGER = "BILLmanager 6 Hosting&Cloud";

    private final InMemoryLicencePool pool = new InMemoryLicencePool();
    private final LicencePoolView view;

    LicencePoolViewTest() {
        BackendRegistry backends = FakeBackend.registry(
                new FakeBackend("fake-licences", null, null, null).withLicenceServers(connection -> {
                    throw new AssertionError("the pool view never asks a licence server");
                }),
                new FakeBackend("fake-servers", null, null, null));
        InMemoryConnections connections = InMemoryConnections.of(
                connection(WEEK, "fake-licences", Map.of("tariffs", Map.of("55382", BILLMANAGER, "55384", BILLMANAGER),
                        "renewalLeadDays", 7)),
                connection(MONTH, "fake-licences", Map.of("tariffs", Map.of("7001", "ISPmanager 6 Lite"),
                        "renewalLeadDays", 30)),
                connection("servers", "fake-servers", Map.of()));
        view = new LicencePoolView(new LicenceConnections(backends, connections), pool,
                Clock.fixed(NOW, ZoneOffset.UTC));

        pool.with(WEEK, free("101", days(200), LONG_AGO, LONG_AGO), 55382)
                // moved 10 days ago: reusable in 20 days
                .with(WEEK, free("102", days(100), NOW.minus(Duration.ofDays(10)), LONG_AGO), 55384)
                .held(WEEK, new PoolLicence("103", PoolLicence.Status.ACTIVE, "web-1 [svc_1]", "198.51.100.7",
                        days(3), LONG_AGO, LONG_AGO), 55382, "svc_1", LONG_AGO)
                .with(WEEK, free("104", days(-1), LONG_AGO, LONG_AGO), 55382)
                // re-keyed 10 days ago, but it runs out before its rest is over
                .with(WEEK, free("105", days(5), LONG_AGO, NOW.minus(Duration.ofDays(10))), 55382)
                // a tariff the connection no longer names
                .with(WEEK, free("106", days(300), null, null), 99999)
                .held(MONTH, new PoolLicence("201", PoolLicence.Status.SUSPENDED, "db-2 [svc_2]", "203.0.113.9",
                        days(20), LONG_AGO, LONG_AGO), 7001, "svc_2", NOW.minus(Duration.ofDays(40)))
                .with(MONTH, new PoolLicence("202", PoolLicence.Status.OTHER, PoolLicence.FREE_NAME,
                        PoolLicence.FREE_IP, days(2), null, null), 7001);
    }

    private static Connection connection(String id, String backend, Map<String, Object> settings) {
        return new Connection(id, backend, id, "https://licences.example.test", "env:LICENCES", "noc@example.test",
                settings);
    }

    private static Instant days(int n) {
        return NOW.plus(Duration.ofDays(n));
    }

    private static PoolLicence free(String id, Instant expiresAt, Instant lastIpChange, Instant lastKeyChange) {
        return new PoolLicence(id, PoolLicence.Status.ACTIVE, PoolLicence.FREE_NAME, PoolLicence.FREE_IP, expiresAt,
                lastIpChange, lastKeyChange);
    }

    private static LicencePoolView.Item item(LicencePoolView.Listing listing, String licenceId) {
        return listing.licences().stream().filter(i -> i.licenceId().equals(licenceId)).findFirst().orElseThrow();
    }

    @Test
    void withoutAStateEveryLicenceIsListedByConnectionThenExpiryWithTheCounts() {
        LicencePoolView.Listing all = view.list(null, null);

        assertThat(all.at()).isEqualTo(NOW);
        assertThat(all.filter()).isNull();
        assertThat(all.connectionId()).isNull();
        assertThat(all.licences()).extracting(LicencePoolView.Item::licenceId)
                .containsExactly("202", "201", "104", "103", "105", "102", "101", "106");
        assertThat(all.counts()).isEqualTo(new LicencePoolView.Counts(8, 6, 2, 2, 4));
        LicencePoolView.Item reusable = item(all, "101");
        assertThat(reusable).isEqualTo(new LicencePoolView.Item(WEEK, "101", BILLMANAGER, 55382,
                PoolLicence.Status.ACTIVE, PoolLicence.FREE_NAME, PoolLicence.FREE_IP, days(200), LONG_AGO, LONG_AGO,
                null, null, false, true, null, null));
        assertThat(item(all, "106").panel()).as("a tariff the terms do not name").isNull();
        assertThat(item(all, "106").reusable()).isTrue();
    }

    @Test
    void freeLicencesSayWhetherTheyCanBeReusedWhyNotAndFromWhen() {
        LicencePoolView.Listing free = view.list("free", null);

        assertThat(free.filter()).isEqualTo(LicencePoolView.Filter.FREE);
        assertThat(free.licences()).extracting(LicencePoolView.Item::licenceId)
                .containsExactly("202", "104", "105", "102", "101", "106");
        assertThat(free.licences()).allSatisfy(i -> {
            assertThat(i.free()).isTrue();
            assertThat(i.heldBy()).isNull();
            assertThat(i.heldSince()).isNull();
            assertThat(i.reusable()).isEqualTo(i.whyNotReusable() == null);
        });
        LicencePoolView.Item moved = item(free, "102");
        assertThat(moved.reusable()).isFalse();
        assertThat(moved.whyNotReusable()).contains("IP changed").contains("less than 30 days ago");
        assertThat(moved.reusableFrom()).as("its rest is all that stands in the way").isEqualTo(days(20));
        assertThat(moved.panel()).as("the yearly tariff is the same panel").isEqualTo(BILLMANAGER);
        LicencePoolView.Item reKeyed = item(free, "105");
        assertThat(reKeyed.whyNotReusable()).contains("key changed");
        assertThat(reKeyed.reusableFrom()).as("it runs out before its rest is over").isNull();
        assertThat(item(free, "104").whyNotReusable()).isEqualTo("expired");
        assertThat(item(free, "104").reusableFrom()).isNull();
        assertThat(item(free, "202").whyNotReusable()).isEqualTo("neither active nor suspended");
        assertThat(item(free, "202").reusableFrom()).isNull();
        assertThat(free.counts()).as("the counts are of every licence, whatever is listed")
                .isEqualTo(view.list(null, null).counts());
    }

    @Test
    void assignedLicencesNameTheirServiceAndSince() {
        LicencePoolView.Listing assigned = view.list("assigned", null);

        assertThat(assigned.licences()).extracting(LicencePoolView.Item::licenceId).containsExactly("201", "103");
        LicencePoolView.Item held = item(assigned, "103");
        assertThat(held.heldBy()).isEqualTo("svc_1");
        assertThat(held.heldSince()).isEqualTo(LONG_AGO);
        assertThat(held.reusable()).isFalse();
        assertThat(held.whyNotReusable()).isEqualTo("held by service svc_1");
        assertThat(held.reusableFrom()).isNull();
        assertThat(item(assigned, "201").status()).isEqualTo(PoolLicence.Status.SUSPENDED);
        assertThat(item(assigned, "201").panel()).isEqualTo("ISPmanager 6 Lite");
    }

    @Test
    void expiringIsWithinEachConnectionsOwnLeadTimeHeldOrNot() {
        LicencePoolView.Listing expiring = view.list("expiring", null);

        // 201 runs out in 20 days: within its connection's 30, though outside the other's 7; 202 can't be renewed
        assertThat(expiring.licences()).extracting(LicencePoolView.Item::licenceId)
                .containsExactly("201", "104", "103", "105");
        assertThat(expiring.licences()).allSatisfy(i -> assertThat(i.expiring()).isTrue());
        assertThat(item(view.list(null, null), "102").expiring()).isFalse();
    }

    @Test
    void oneConnectionOnlyWithItsOwnCounts() {
        LicencePoolView.Listing month = view.list(" ", MONTH);

        assertThat(month.connectionId()).isEqualTo(MONTH);
        assertThat(month.filter()).as("blank is no state").isNull();
        assertThat(month.licences()).extracting(LicencePoolView.Item::connectionId).containsOnly(MONTH);
        assertThat(month.counts()).isEqualTo(new LicencePoolView.Counts(2, 1, 0, 1, 1));
        assertThat(view.list("free", WEEK).licences()).hasSize(5);
    }

    @Test
    void noLicencesIsAnEmptyListing() {
        LicencePoolView empty = new LicencePoolView(new LicenceConnections(FakeBackend.registry(),
                InMemoryConnections.of()), new InMemoryLicencePool(), Clock.fixed(NOW, ZoneOffset.UTC));

        LicencePoolView.Listing listing = empty.list("expiring", null);

        assertThat(listing.licences()).isEmpty();
        assertThat(listing.counts()).isEqualTo(new LicencePoolView.Counts(0, 0, 0, 0, 0));
    }

    @ParameterizedTest(name = "state={0} connectionId={1} → {2}")
    @CsvSource({
            "held,     ,           state",
            "free;x,   ,           state",
            "free,     nope,       connectionId",
            "expiring, servers,    connectionId"})
    void aStateOrConnectionThatIsNotOneIsRefusedNamingIt(String state, String connectionId, String field) {
        assertThatThrownBy(() -> view.list(state, connectionId)).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly(field));
    }

    @Test
    void theRefusalOfAStateSaysWhichThereAre() {
        assertThatThrownBy(() -> view.list("taken", null)).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations().getFirst().message()).contains("free, assigned, expiring"));
        assertThat(view.list("FREE", null).filter()).isEqualTo(LicencePoolView.Filter.FREE);
        assertThat(List.of(LicencePoolView.Filter.values())).extracting(LicencePoolView.Filter::code)
                .containsExactly("free", "assigned", "expiring");
    }
}
