package io.hostwright.domain.step;

import io.hostwright.domain.service.StepStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The DynamoDB ledger's rules, in memory. */
public final class InMemoryLedger implements StepLedger {

    static final class Entry {
        int attempts;
        StepStatus status;
        Instant leaseUntil;
        FollowUp followUp;
        boolean sent;
        String detail;
    }

    final Map<String, Entry> entries = new HashMap<>();
    /** Where each chain stands, by service and operation ("null" for provisioning). */
    final Map<String, StalledChain> chains = new java.util.LinkedHashMap<>();

    @Override
    public synchronized ClaimResult claim(String serviceId, String operationId, int sequence, String step, int attempt,
                                           Instant now, Duration lease) {
        Entry e = entries.computeIfAbsent(serviceId + "/" + operationId + "/" + step, k -> new Entry());
        boolean fresh = e.status == null;
        boolean expired = e.attempts == attempt && e.status == StepStatus.STARTED && e.leaseUntil.isBefore(now);
        if (fresh || e.attempts < attempt || expired) {
            e.attempts = attempt;
            e.status = StepStatus.STARTED;
            e.leaseUntil = now.plus(lease);
            e.followUp = null;
            e.sent = false;
            return new Claimed(serviceId, operationId, sequence, step, attempt);
        }
        if (e.attempts == attempt && e.status == StepStatus.STARTED) {
            return new Busy(e.leaseUntil);
        }
        return new AlreadyRan(e.sent ? null : e.followUp);
    }

    @Override
    public synchronized void complete(Claimed claim, StepStatus status, String detail, FollowUp followUp, Instant now) {
        Entry e = entries.get(claim.serviceId() + "/" + claim.operationId() + "/" + claim.step());
        e.status = status;
        e.detail = detail;
        e.followUp = followUp;
        String chain = claim.serviceId() + "/" + claim.operationId();
        if (followUp == null) {
            chains.remove(chain);
        } else {
            chains.put(chain, new StalledChain(claim.serviceId(), claim.operationId(), followUp,
                    now.plus(followUp.delay()), 0));
        }
    }

    @Override
    public synchronized java.util.List<StalledChain> stalledChains(Instant dueBefore, int limit) {
        return chains.values().stream().filter(c -> c.due().isBefore(dueBefore))
                .sorted(java.util.Comparator.comparing(StalledChain::due)).limit(limit).toList();
    }

    @Override
    public synchronized void chainResent(StalledChain chain, Instant nextDue) {
        chains.computeIfPresent(chain.serviceId() + "/" + chain.operationId(), (k, c) -> c.equals(chain)
                ? new StalledChain(c.serviceId(), c.operationId(), c.followUp(), nextDue, c.resends() + 1) : c);
    }

    @Override
    public synchronized void dropChain(StalledChain chain) {
        chains.remove(chain.serviceId() + "/" + chain.operationId(), chain);
    }

    @Override
    public synchronized void followUpSent(Claimed claim) {
        entries.get(claim.serviceId() + "/" + claim.operationId() + "/" + claim.step()).sent = true;
    }

    @Override
    public synchronized void release(Claimed claim, Instant now) {
        Entry e = entries.get(claim.serviceId() + "/" + claim.operationId() + "/" + claim.step());
        if (e != null && e.attempts == claim.attempt() && e.status == StepStatus.STARTED) {
            e.leaseUntil = now.minusMillis(1);
        }
    }
}
