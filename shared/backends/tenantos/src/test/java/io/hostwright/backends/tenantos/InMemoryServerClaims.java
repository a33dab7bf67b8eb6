package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.ServerClaims;

import java.util.HashMap;
import java.util.Map;

/** Server claims with DynamoDB's condition: written only when the server is free or already the service's. */
final class InMemoryServerClaims implements ServerClaims {

    private final Map<String, String> holders = new HashMap<>();

    @Override
    public synchronized boolean claim(String connectionId, String serverId, String serviceId) {
        return holders.computeIfAbsent(connectionId + "#" + serverId, k -> serviceId).equals(serviceId);
    }

    @Override
    public synchronized void release(String connectionId, String serverId, String serviceId) {
        holders.remove(connectionId + "#" + serverId, serviceId);
    }

    /** The service holding the server, or null. */
    synchronized String holder(String connectionId, long serverId) {
        return holders.get(connectionId + "#" + serverId);
    }

    /** How many servers {@code serviceId} holds. */
    synchronized long heldBy(String serviceId) {
        return holders.values().stream().filter(serviceId::equals).count();
    }
}
