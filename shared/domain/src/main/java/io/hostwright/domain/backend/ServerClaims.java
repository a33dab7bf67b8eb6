package io.hostwright.domain.backend;

/**
 * Port: which service a back-end server is given to. A claim is a conditional write, so of two services racing for
 * one server exactly one wins; it is made before the server's owner is set upstream.
 */
public interface ServerClaims {

    /** True when the server is now (or already was) claimed by {@code serviceId}. */
    boolean claim(String connectionId, String serverId, String serviceId);

    /** Gives the server up, if {@code serviceId} holds it. */
    void release(String connectionId, String serverId, String serviceId);
}
