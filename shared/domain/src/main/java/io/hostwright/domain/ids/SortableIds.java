package io.hostwright.domain.ids;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * ULID-style ids: 48 bits of milliseconds then 80 random bits, in Crockford base32, so ids sort by creation time
 * and never collide in practice.
 */
public final class SortableIds implements IdGenerator {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public SortableIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String next(String prefix) {
        char[] out = new char[26];
        long time = clock.millis();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        int bit = 0;
        for (int i = 10; i < 26; i++, bit += 5) {
            int value = 0;
            for (int b = 0; b < 5; b++) {
                int index = bit + b;
                value = (value << 1) | ((bytes[index / 8] >> (7 - index % 8)) & 1);
            }
            out[i] = ALPHABET[value];
        }
        return prefix + "_" + new String(out);
    }
}
