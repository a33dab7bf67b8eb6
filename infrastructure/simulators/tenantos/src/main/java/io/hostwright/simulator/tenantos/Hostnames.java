package io.hostwright.simulator.tenantos;

import java.util.regex.Pattern;

/** What TenantOS accepts as a reverse DNS name: a fully qualified hostname (LDH labels, a trailing dot allowed). */
final class Hostnames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private Hostnames() {
    }

    static boolean valid(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty() || n.length() > 253) {
            return false;
        }
        String[] labels = n.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
