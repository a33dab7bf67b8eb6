package io.hostwright.infrastructure.cdk;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Construct ids derived from manifest names, so logical ids stay stable when entries are reordered. */
final class ConstructIds {

    private ConstructIds() {
    }

    /** {@code order-dispatch-sweeper} becomes {@code OrderDispatchSweeper}. */
    static String pascal(String kebab) {
        return Arrays.stream(kebab.split("-"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
