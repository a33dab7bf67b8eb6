package io.hostwright.backends.vmmanager6.http;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * VMmanager's filter language for list calls: {@code (field EQ 'value')}, joined with {@code AND}; values quoted with
 * their single quotes doubled, so an e-mail or a service id can never end the quote.
 */
final class Where {

    private Where() {
    }

    static String eq(String field, String value) {
        return "(" + field + " EQ '" + value.replace("'", "''") + "')";
    }

    static String eq(String field, long value) {
        return eq(field, Long.toString(value));
    }

    static String and(String... conditions) {
        return Arrays.stream(conditions).collect(Collectors.joining(" AND ", "(", ")"));
    }
}
