package io.hostwright.domain.mail;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MailDatesTest {

    @Test
    void aDateReadsAsPeopleWriteItInUtc() {
        assertThat(MailDates.date(Instant.parse("2027-01-05T23:59:59Z"))).isEqualTo("5 January 2027");
        assertThat(MailDates.date(Instant.parse("2026-12-31T00:00:00Z"))).isEqualTo("31 December 2026");
    }

    @Test
    void aDeadlineKeepsItsTimeAndSaysItsZone() {
        assertThat(MailDates.dateTime(Instant.parse("2027-01-05T14:30:12Z"))).isEqualTo("5 January 2027, 14:30 UTC");
        assertThat(MailDates.dateTime(Instant.parse("2027-03-09T04:05:00Z"))).isEqualTo("9 March 2027, 04:05 UTC");
    }

    @Test
    void theMachinesLocaleDoesNotChangeTheWords() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(MailDates.date(Instant.parse("2027-03-05T00:00:00Z"))).isEqualTo("5 March 2027");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anUnknownInstantSaysSo() {
        assertThat(MailDates.date(null)).isEqualTo("unknown");
        assertThat(MailDates.dateTime(null)).isEqualTo("unknown");
    }
}
