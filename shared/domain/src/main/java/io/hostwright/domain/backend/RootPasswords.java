package io.hostwright.domain.backend;

import java.security.SecureRandom;

/** Generates root passwords: 20 characters from an alphabet without look-alikes, at least one of each class. */
public final class RootPasswords {

    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "-_.+=";
    private static final String ALL = LOWER + UPPER + DIGITS + SYMBOLS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RootPasswords() {
    }

    public static String generate() {
        char[] out = new char[20];
        out[0] = LOWER.charAt(RANDOM.nextInt(LOWER.length()));
        out[1] = UPPER.charAt(RANDOM.nextInt(UPPER.length()));
        out[2] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
        out[3] = SYMBOLS.charAt(RANDOM.nextInt(SYMBOLS.length()));
        for (int i = 4; i < out.length; i++) {
            out[i] = ALL.charAt(RANDOM.nextInt(ALL.length()));
        }
        for (int i = out.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return new String(out);
    }
}
