package io.hostwright.benchmark.licences;

import java.time.Duration;
import java.util.stream.IntStream;

/**
 * What the licence at {@code index} of the benchmark's pool is, from the index alone, so every run of the phase has
 * the same pool: a tenth free ({@code free.lic}, left to run out), the rest held by a service, a fifth of those on the
 * yearly tariff (their services billed yearly); a third of all run out within the lead time; of the holders 1 in 25
 * is suspended and 1 in 30 is paid only until before its licence runs out.
 */
public record LicenceMix(int index) {

    /** The connection's {@code renewalLeadDays}. */
    public static final int LEAD_DAYS = 7;

    public boolean free() {
        return index % 10 == 9;
    }

    public boolean held() {
        return !free();
    }

    public boolean yearly() {
        return held() && index % 5 == 4;
    }

    /** Runs out within the lead time. */
    public boolean expiring() {
        return index % 3 == 0;
    }

    /** Its service is suspended. */
    public boolean suspended() {
        return held() && index % 25 == 6;
    }

    /** Its service is paid until half a day from now, before the licence runs out. */
    public boolean unpaid() {
        return held() && index % 30 == 12;
    }

    /** Would be renewed: held, running out, its service active and paid beyond. */
    public boolean renewable() {
        return held() && expiring() && !suspended() && !unpaid();
    }

    /** From now: 1 to 7 days when expiring, else 8 to 29 days (monthly) or 8 to 357 days (yearly). */
    public Duration expiresIn() {
        if (expiring()) {
            return Duration.ofDays(1 + (index / 3) % 6).plusHours(index % 24);
        }
        return Duration.ofDays(8 + index % (yearly() ? 350 : 22));
    }

    /** The IPv4 address of its server (a free one's is {@code 0.0.0.0}). */
    public String ip() {
        return "10.77." + (index / 250) + "." + (index % 250 + 1);
    }

    public String serviceId() {
        return "svc_lic_" + index;
    }

    /** How many of the first {@code licences} are what {@code kind} says. */
    public static int count(int licences, java.util.function.Predicate<LicenceMix> kind) {
        return (int) IntStream.range(0, licences).mapToObj(LicenceMix::new).filter(kind).count();
    }
}
