package io.hostwright.simulator.billmanager;

import java.util.Map;

/**
 * A refused call: BILLmanager's error document
 * {@code {"doc": {"error": {"$type": type, "$object": object, "msg": {"$": message}}}}} ({@code $object} left out
 * when null), answered with HTTP 200 unless {@code status} says otherwise.
 */
final class BillError extends RuntimeException {

    /** Wrong credentials, an unknown or expired session, or no credentials at all. */
    static final String AUTH = "auth";
    /** A required parameter is missing; {@code $object} names it. */
    static final String MISSED = "missed";
    /** A parameter's value is invalid (or names nothing); {@code $object} names it. */
    static final String VALUE = "value";
    /** No such {@code func}; {@code $object} is the func. */
    static final String UNKNOWN = "unknown";
    /** The balance does not cover the order or renewal. */
    static final String MONEY = "money";
    /** The licence's status does not allow the call; {@code $object} is {@code elid}. */
    static final String STATUS = "status";
    /** What a 5xx fault or the random error rate answers. */
    static final String INTERNAL = "internal";

    private final int status;
    private final String type;
    private final String object;

    BillError(int status, String type, String object, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.object = object;
    }

    BillError(String type, String object, String message) {
        this(200, type, object, message);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String object() {
        return object;
    }

    Map<String, Object> body() {
        return body(type, object, getMessage());
    }

    static Map<String, Object> body(String type, String object, String message) {
        Map<String, Object> error = Json.obj("$type", type);
        if (object != null) {
            error.put("$object", object);
        }
        error.put("msg", Json.text(message));
        return Json.doc(Json.obj("error", error));
    }

    static BillError missed(String param) {
        return new BillError(MISSED, param, "Missing parameter '" + param + "'");
    }

    static BillError value(String param, String why) {
        return new BillError(VALUE, param, "Invalid value of parameter '" + param + "': " + why);
    }

    static BillError auth(String message) {
        return new BillError(AUTH, null, message);
    }
}
