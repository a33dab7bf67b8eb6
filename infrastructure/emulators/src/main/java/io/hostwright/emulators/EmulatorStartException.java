package io.hostwright.emulators;

/** An emulator failed to start; the message says which one and, where there is output, what it printed last. */
public class EmulatorStartException extends RuntimeException {

    public EmulatorStartException(String message) {
        super(message);
    }

    public EmulatorStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
