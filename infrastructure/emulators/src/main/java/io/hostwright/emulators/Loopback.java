package io.hostwright.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/** The one address every emulator binds to, and port helpers. */
final class Loopback {

    static final String HOST = "127.0.0.1";

    private Loopback() {
    }

    static URI uri(int port) {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** Whether nothing listens on {@code port} of the loopback address right now. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port free at the time of asking, for a server that cannot be told to pick one itself (the SES emulator's
     * CLI); the caller retries when another process takes it first.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    static boolean isAddressInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().toLowerCase().contains("address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
