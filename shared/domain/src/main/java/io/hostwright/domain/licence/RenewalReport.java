package io.hostwright.domain.licence;

import java.util.ArrayList;
import java.util.List;

/**
 * What one renewal run did on one licence connection, for the staff report and the function's answer.
 *
 * @param renewed     one line per licence the server now shows renewed
 * @param failed      one line per licence that could not be renewed or released (asked again next run)
 * @param suspended   licences not renewed because their service is suspended
 * @param unpaid      licences not renewed because their service is not paid beyond the licence's expiry
 * @param freeExpiring free licences left to run out
 * @param released    licences of ended services given back to the pool
 * @param error       why the run could not look at the connection at all; null when it could
 */
public record RenewalReport(String connectionId, List<String> renewed, List<String> failed, int suspended,
                            int unpaid, int freeExpiring, int released, String error) {

    public RenewalReport {
        renewed = List.copyOf(renewed);
        failed = List.copyOf(failed);
    }

    public static RenewalReport unreachable(String connectionId, String error) {
        return new RenewalReport(connectionId, List.of(), List.of(), 0, 0, 0, 0, error);
    }

    /** Whether staff hear about it: it renewed, released or failed something. */
    public boolean worthTelling() {
        return !renewed.isEmpty() || !failed.isEmpty() || released > 0 || error != null;
    }

    /** The report in lines for people. */
    public String text() {
        List<String> lines = new ArrayList<>();
        if (error != null) {
            lines.add("The run could not reach the licence server: " + error);
        }
        lines.add("Renewed: " + renewed.size());
        renewed.forEach(line -> lines.add("  " + line));
        lines.add("Failed: " + failed.size());
        failed.forEach(line -> lines.add("  " + line));
        lines.add("Not renewed, service suspended: " + suspended);
        lines.add("Not renewed, service not paid beyond the licence: " + unpaid);
        lines.add("Free licences left to run out: " + freeExpiring);
        lines.add("Licences of ended services back in the pool: " + released);
        return String.join("\n", lines);
    }
}
