package io.hostwright.domain.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a product's traffic is metered and what happens past its allowance (seed 000: bandwidth limit in TB, near-
 * and over-limit e-mails). The allowance is the order's {@value #ALLOWANCE_OPTION} option when the product declares
 * one, else {@code includedTb}; without either the traffic is shown but never limited.
 *
 * @param metering          which bytes count: both directions, outbound only, or the greater of the two
 * @param nearLimitPercent  share of the allowance at which the customer is warned, once per period
 * @param overuseAction     what happens once the allowance is crossed
 * @param overagePerTb      the price of each started TB over the allowance ({@code bill}); null otherwise
 * @param includedTb        the allowance when the product has no {@value #ALLOWANCE_OPTION} option; null: none
 */
public record BandwidthPolicy(Metering metering, int nearLimitPercent, OveruseAction overuseAction,
                              Price overagePerTb, Long includedTb) {

    /** The order option holding the allowance in TB (decimal: 10^12 bytes). */
    public static final String ALLOWANCE_OPTION = "bandwidthTb";
    public static final long BYTES_PER_TB = 1_000_000_000_000L;
    /** What a product without a policy gets: both directions count, warned at 80 %, told only. */
    public static final BandwidthPolicy DEFAULT = new BandwidthPolicy(Metering.TOTAL, 80, OveruseAction.NOTIFY, null,
            null);

    public enum Metering {
        TOTAL, OUTBOUND, GREATER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public long counted(long bytesIn, long bytesOut) {
            return switch (this) {
                case TOTAL -> bytesIn + bytesOut;
                case OUTBOUND -> bytesOut;
                case GREATER -> Math.max(bytesIn, bytesOut);
            };
        }
    }

    public enum OveruseAction {
        /** The over-limit e-mail only. */
        NOTIFY,
        /** A suspend operation (undone by staff, or when the next period starts). */
        SUSPEND,
        /** Each started TB over the allowance is billed at {@code overagePerTb}. */
        BILL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public BandwidthPolicy {
        Objects.requireNonNull(metering, "metering");
        Objects.requireNonNull(overuseAction, "overuseAction");
        if (nearLimitPercent < 1 || nearLimitPercent > 99) {
            throw new IllegalArgumentException("nearLimitPercent must be 1..99: " + nearLimitPercent);
        }
        if ((overuseAction == OveruseAction.BILL) != (overagePerTb != null)) {
            throw new IllegalArgumentException("overagePerTb is required for overuseAction bill, and only for it");
        }
        if (includedTb != null && includedTb < 0) {
            throw new IllegalArgumentException("includedTb must not be negative: " + includedTb);
        }
    }

    /** The allowance in bytes for these chosen options; empty when the traffic is not limited. */
    public Optional<Long> allowanceBytes(Map<String, String> options) {
        String chosen = options.get(ALLOWANCE_OPTION);
        if (chosen != null) {
            try {
                return Optional.of(Math.multiplyExact(Long.parseLong(chosen.strip()), BYTES_PER_TB));
            } catch (NumberFormatException | ArithmeticException notTb) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(includedTb).map(tb -> tb * BYTES_PER_TB);
    }
}
