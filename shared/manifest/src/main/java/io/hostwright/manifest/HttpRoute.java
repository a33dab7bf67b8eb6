package io.hostwright.manifest;

import java.util.Objects;
import java.util.regex.Pattern;

/** One API route in API Gateway HTTP API syntax, e.g. {@code GET /v1/orders/{orderId}}. */
public record HttpRoute(String method, String path, Access access) {

    private static final Pattern METHOD = Pattern.compile("GET|POST|PUT|PATCH|DELETE");
    private static final Pattern PATH = Pattern.compile("(/([A-Za-z0-9._-]+|\\{[A-Za-z][A-Za-z0-9]*}))+");

    public HttpRoute {
        Objects.requireNonNull(access, "access");
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("unsupported method: " + method);
        }
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("route path must look like /v1/things/{id}: " + path);
        }
    }

    public static HttpRoute get(String path, Access access) {
        return new HttpRoute("GET", path, access);
    }

    public static HttpRoute post(String path, Access access) {
        return new HttpRoute("POST", path, access);
    }

    public static HttpRoute put(String path, Access access) {
        return new HttpRoute("PUT", path, access);
    }

    public static HttpRoute delete(String path, Access access) {
        return new HttpRoute("DELETE", path, access);
    }

    /** API Gateway's route key, as it appears in {@code requestContext.routeKey}. */
    public String routeKey() {
        return method + " " + path;
    }
}
