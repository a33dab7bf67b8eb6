package io.hostwright.domain.order;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** RFC 1123 host names: labels of letters, digits and inner hyphens, 63 characters each, 253 in all. */
public final class HostnameRule {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private HostnameRule() {
    }

    /** Why {@code hostname} is not a valid host name, or empty when it is (compared in lower case). */
    public static Optional<String> problem(String hostname) {
        String h = hostname.toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.length() > 253) {
            return Optional.of("must be 1 to 253 characters");
        }
        String[] labels = h.split("\\.", -1);
        for (String label : labels) {
            if (label.length() > 63) {
                return Optional.of("each label must be at most 63 characters");
            }
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("must be a host name such as server1.example.com: letters, digits and hyphens, "
                        + "labels separated by dots, no leading or trailing hyphen");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Optional.of("must be a host name, not an IP address");
        }
        return Optional.empty();
    }
}
