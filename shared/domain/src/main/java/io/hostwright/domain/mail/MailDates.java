package io.hostwright.domain.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as every e-mail writes them, for people rather than machines: {@code 5 January 2027}, and with the time where
 * the hour matters (a deadline, the start of a traffic period) {@code 5 January 2027, 14:30 UTC}. Always UTC, always
 * English month names, whatever the machine's locale. Use it for every instant a mail variable or a reason shown in a
 * mail carries, never {@link Instant#toString()}.
 */
public final class MailDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private MailDates() {
    }

    /** {@code 5 January 2027}; "unknown" for null. */
    public static String date(Instant at) {
        return at == null ? "unknown" : DATE.format(at);
    }

    /** {@code 5 January 2027, 14:30 UTC}; "unknown" for null. */
    public static String dateTime(Instant at) {
        return at == null ? "unknown" : DATE_TIME.format(at);
    }
}
