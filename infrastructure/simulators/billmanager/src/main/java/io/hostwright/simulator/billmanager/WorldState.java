package io.hostwright.simulator.billmanager;

import io.hostwright.simulators.StateJson;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the simulated BILLmanager holds, as JSON kept across restarts (see {@code StateFile}): the balance,
 * pricelists, every licence with its key, IP, expiry and status, and the sessions. Faults and the call log are the
 * test's instruments and start afresh. Time goes on while the simulator is stopped: at the next start, licences
 * autoprolong, are suspended or go as their expiry says.
 */
record WorldState(int version, BigDecimal balance, List<Seed.Pricelist> pricelists, List<LicenceSnapshot> licences,
                  List<SessionSnapshot> sessions, long nextId, long sessionIssues) {

    static final int VERSION = 1;

    record LicenceSnapshot(long id, Instant createdAt, String status, String suspendReason, String name, String ip,
                           String key, long pricelist, int period, Integer autoprolong, Instant expiresAt,
                           Instant lastIpChange, Instant lastKeyChange, Instant suspendedAt) {
    }

    record SessionSnapshot(String id, String user, Instant lastUsed) {
    }

    /** Called under the world's lock. */
    static String write(World world) {
        WorldState state = new WorldState(VERSION, world.balance, List.copyOf(world.pricelists.values()),
                world.licences.values().stream().map(l -> new LicenceSnapshot(l.id, l.createdAt, l.status,
                        l.suspendReason, l.name, l.ip, l.key, l.pricelist, l.period, l.autoprolong, l.expiresAt,
                        l.lastIpChange, l.lastKeyChange, l.suspendedAt)).toList(),
                world.sessions.entrySet().stream().map(e -> new SessionSnapshot(e.getKey(), e.getValue().user,
                        e.getValue().lastUsed)).sorted(Comparator.comparing(SessionSnapshot::id)).toList(),
                world.nextId, world.sessionIssues);
        return StateJson.write(state, "BILLmanager");
    }

    static WorldState read(String json) {
        return StateJson.read(json, WorldState.class, "BILLmanager", WorldState::version, VERSION);
    }

    /** Replaces everything the world holds with this state (under the world's lock, see {@link World#keepIn}). */
    void applyTo(World world) {
        world.balance = balance;
        world.pricelists.clear();
        pricelists.forEach(p -> world.pricelists.put(p.id(), p));
        world.licences.clear();
        for (LicenceSnapshot s : licences) {
            World.LicenceState l = new World.LicenceState(s.id(), s.createdAt());
            l.status = s.status();
            l.suspendReason = s.suspendReason();
            l.name = s.name();
            l.ip = s.ip();
            l.key = s.key();
            l.pricelist = s.pricelist();
            l.period = s.period();
            l.autoprolong = s.autoprolong();
            l.expiresAt = s.expiresAt();
            l.lastIpChange = s.lastIpChange();
            l.lastKeyChange = s.lastKeyChange();
            l.suspendedAt = s.suspendedAt();
            world.licences.put(l.id, l);
        }
        world.sessions.clear();
        sessions.forEach(s -> world.sessions.put(s.id(), new World.Session(s.user(), s.lastUsed())));
        world.nextId = nextId;
        world.sessionIssues = sessionIssues;
    }
}
