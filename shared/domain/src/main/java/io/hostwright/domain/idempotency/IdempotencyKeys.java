package io.hostwright.domain.idempotency;

import io.hostwright.domain.problem.InvalidRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header's rules, shared by orders and actions, and request fingerprints. */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final Duration RETENTION = Duration.ofDays(7);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeys() {
    }

    /** Refuses a missing (when required) or malformed key with a 400 naming the header. */
    public static void check(String key, boolean required, String what) {
        if (key == null || key.isEmpty()) {
            if (required) {
                throw InvalidRequest.of(HEADER, "header is required: send a unique key per " + what
                        + ", and the same key when retrying it");
            }
            return;
        }
        if (!KEY.matcher(key).matches()) {
            throw InvalidRequest.of(HEADER, "must be 1 to 255 visible ASCII characters");
        }
    }

    /** SHA-256 over the parts, separated so that ("ab","c") and ("a","bc") differ. */
    public static String fingerprint(String... parts) {
        String canonical = String.join("\u001f", parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
