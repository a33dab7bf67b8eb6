package io.hostwright.simulator.vmmanager6;

/** What an endpoint answers when it is not a plain 200 with a JSON body. */
sealed interface Answer {

    /** A JSON body with another status (201 for a token or a new account). */
    record Status(int status, Object body) implements Answer {
    }

    /** A small HTML page (the SSO landing page). */
    record Page(int status, String text) implements Answer {
    }
}
