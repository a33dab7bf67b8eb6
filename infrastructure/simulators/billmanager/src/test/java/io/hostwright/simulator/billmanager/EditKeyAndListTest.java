package io.hostwright.simulator.billmanager;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.hostwright.simulator.billmanager.OrderTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/** soft.edit records IP changes, soft.newkey key changes; func=soft lists it all; the pool follows from both. */
class EditKeyAndListTest extends SimulatorFixture {

    @Test
    void renamingLeavesTheIpChangeAloneAChangedIpRecordsIt() {
        long id = order("before", "203.0.113.20", 1);
        clock.advance(Duration.ofDays(3));

        assertThat(call("soft.edit", "elid", String.valueOf(id), "licname", "after", "sok", "ok").ok()).isTrue();
        assertThat(bm.licence(id).name()).isEqualTo("after");
        assertThat(bm.licence(id).lastIpChange()).isEqualTo(T0);

        call("soft.edit", "elid", String.valueOf(id), "ip", "203.0.113.20", "sok", "ok");
        assertThat(bm.licence(id).lastIpChange()).as("the same IP is no change").isEqualTo(T0);

        clock.advance(Duration.ofHours(1));
        call("soft.edit", "elid", String.valueOf(id), "ip", "198.51.100.20", "sok", "ok");
        assertThat(bm.licence(id).ip()).isEqualTo("198.51.100.20");
        assertThat(bm.licence(id).lastIpChange()).isEqualTo(T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        assertThat(bm.licence(id).lastKeyChange()).isEqualTo(T0);
    }

    @Test
    void agingChangesMakesALicenceJustGivenBackFreeWithoutMovingTheClock() {
        long id = order("held", "203.0.113.23", 12);
        call("soft.edit", "elid", String.valueOf(id), "licname", Seed.FREE_NAME, "ip", Seed.FREE_IP, "sok", "ok");
        call("soft.newkey", "elid", String.valueOf(id));
        SimulatedLicence before = bm.licence(id);
        assertThat(before.free(T0)).as("changed just now").isFalse();

        SimulatedLicence aged = bm.ageChanges(id, Duration.ofDays(32));

        assertThat(aged.lastIpChange()).isEqualTo(T0.minus(Duration.ofDays(32)));
        assertThat(aged.lastKeyChange()).isEqualTo(T0.minus(Duration.ofDays(32)));
        assertThat(aged.free(T0)).isTrue();
        assertThat(bm.freeLicences()).extracting(SimulatedLicence::id).contains(id);
        assertThat(aged).usingRecursiveComparison().ignoringFields("lastIpChange", "lastKeyChange")
                .as("nothing else: expiry, key, name, creation").isEqualTo(before);
        assertThat(bm.licence(1001).lastIpChange()).as("other licences stay").isEqualTo(T0.minus(Duration.ofDays(60)));
        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(bm.calls()).as("not an API call").hasSize(3);
    }

    @Test
    void agingRefusesNothingToAgeAndUnknownLicences() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bm.ageChanges(1001, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bm.ageChanges(1001, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bm.ageChanges(4711, Duration.ofDays(1)))
                .isInstanceOf(java.util.NoSuchElementException.class);
        assertThat(bm.licence(1001).lastIpChange()).isEqualTo(T0.minus(Duration.ofDays(60)));
    }

    @Test
    void editWithoutSokAnswersTheFormAndEditRefusesNothingToChange() {
        long id = order("form", "203.0.113.21", 1);

        Http.Response form = call("soft.edit", "elid", String.valueOf(id));

        assertThat(form.doc().path("elid").path("$").asLong()).isEqualTo(id);
        assertThat(form.doc().path("name").path("$").asText()).isEqualTo("form");
        assertRefused(call("soft.edit", "elid", String.valueOf(id), "sok", "ok"), "missed", "licname");
        assertRefused(call("soft.edit", "elid", String.valueOf(id), "ip", "1.2.3", "sok", "ok"), "value", "ip");
        assertRefused(call("soft.edit", "elid", "4711", "licname", "x", "sok", "ok"), "value", "elid");
    }

    @Test
    void aNewKeyReplacesTheOldAndRecordsWhen() {
        long id = order("rekeyed", "203.0.113.22", 1);
        String oldKey = bm.licence(id).key();
        clock.advance(Duration.ofDays(1));

        Http.Response rekeyed = call("soft.newkey", "elid", String.valueOf(id));

        assertThat(rekeyed.ok()).as(rekeyed.raw()).isTrue();
        assertThat(bm.licence(id).key()).isNotEqualTo(oldKey).isEqualTo(rekeyed.doc().path("key").path("$").asText());
        assertThat(bm.licence(id).lastKeyChange()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(bm.licence(id).lastIpChange()).isEqualTo(T0);
    }

    @Test
    void theSeedsFreeLicencesLeaveThePoolWhenUsedAndComeBackAMonthAfterTheirLastChange() {
        assertThat(bm.freeLicences()).hasSize(4).allSatisfy(l -> {
            assertThat(l.name()).isEqualTo("free.lic");
            assertThat(l.ip()).isEqualTo("0.0.0.0");
        });
        long id = bm.freeLicences().getFirst().id();

        call("soft.edit", "elid", String.valueOf(id), "licname", "Item #5 addon ispmanager", "ip", "203.0.113.5",
                "sok", "ok");
        call("soft.newkey", "elid", String.valueOf(id));
        assertThat(bm.freeLicences()).hasSize(3).noneMatch(l -> l.id() == id);

        call("soft.edit", "elid", String.valueOf(id), "licname", "free.lic", "ip", "0.0.0.0", "sok", "ok");
        assertThat(bm.freeLicences()).as("changed within the month").hasSize(3);
        clock.set(Instant.parse("2025-04-01T00:00:01Z"));
        assertThat(bm.freeLicences()).extracting(SimulatedLicence::id).contains(id);
    }

    @Test
    void theListShowsEveryLicenceWithItsDetails() {
        long id = order("Item #9 addon ispmanager", "203.0.113.9", 12);

        Http.Response list = http.get(Http.params("func", "soft", "out", "json", "authinfo", AUTHINFO));

        JsonNode elems = list.doc().path("elem");
        assertThat(elems).hasSize(6);
        JsonNode mine = elems.get(5);
        assertThat(mine.path("id").path("$").asLong()).isEqualTo(id);
        assertThat(mine.path("status").path("$").asText()).isEqualTo("2");
        assertThat(mine.path("state").path("$").asText()).isEqualTo("active");
        assertThat(mine.path("name").path("$").asText()).isEqualTo("Item #9 addon ispmanager");
        assertThat(mine.path("ip").path("$").asText()).isEqualTo("203.0.113.9");
        assertThat(mine.path("key").path("$").asText()).isEqualTo(bm.licence(id).key());
        assertThat(mine.path("pricelist").path("$").asText()).isEqualTo("55227");
        assertThat(mine.path("pricelist_name").path("$").asText()).isEqualTo("ispmanager 6 Lite");
        assertThat(mine.path("period").path("$").asText()).isEqualTo("12");
        assertThat(mine.path("expiredate").path("$").asText()).isEqualTo("2026-03-01");
        assertThat(mine.path("expiretime").path("$").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(mine.path("lastipchange").path("$").asText()).isEqualTo(T0.toString());
        assertThat(mine.path("lastkeychange").path("$").asText()).isEqualTo(T0.toString());
        assertThat(mine.has("autoprolong")).as("absent when off").isFalse();
        assertThat(mine.has("suspendreason")).isFalse();
        assertThat(elems.get(0).path("name").path("$").asText()).isEqualTo("free.lic");
        assertThat(elems.get(0).path("lastipchange").path("$").asText())
                .isEqualTo(T0.minus(Duration.ofDays(60)).toString());
    }

    @Test
    void anEmptyListIsAnEmptyArray() {
        bm.close();
        bm = BillManagerSimulator.start(SimulatorConfig.forTests().withClock(clock).withSeed(Seed.empty()));
        http = Http.of(bm);

        assertThat(call("soft").raw()).isEqualTo("{\"doc\":{\"elem\":[]}}");
    }
}
