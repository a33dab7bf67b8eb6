package io.hostwright.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.hostwright.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Writes what goes back to the client: API Gateway's own JSON messages, a function's response, a helper's reply. */
final class GatewayReplies {

    /** What {@link #send} wrote, kept on the answering thread only while a {@link GatewayTap} is open. */
    private static final ThreadLocal<byte[]> SENT_BODY = new ThreadLocal<>();

    private GatewayReplies() {
    }

    /** API Gateway's own answers, e.g. 404 {@code {"message":"Not Found"}}. */
    static int message(HttpExchange exchange, String requestId, int status, String message, Map<String, String> extraHeaders)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        extraHeaders.forEach(headers::set);
        headers.set("content-type", "application/json");
        return send(exchange, requestId, status, Json.write(Map.of("message", message)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A function's result, as API Gateway maps payload-2.0 responses: an {@link APIGatewayV2HTTPResponse} as given;
     * anything else is JSON with status 200. A response without a status code is a broken integration (500).
     */
    static int functionResult(HttpExchange exchange, String requestId, Object result) throws IOException {
        if (!(result instanceof APIGatewayV2HTTPResponse response)) {
            exchange.getResponseHeaders().set("content-type", "application/json");
            return send(exchange, requestId, 200, Json.write(result).getBytes(StandardCharsets.UTF_8));
        }
        if (response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            return internalServerError(exchange, requestId);
        }
        Headers headers = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(headers::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.add("set-cookie", cookie));
        }
        byte[] body;
        if (response.getBody() == null) {
            body = new byte[0];
        } else if (response.getIsBase64Encoded()) {
            try {
                body = Base64.getDecoder().decode(response.getBody());
            } catch (IllegalArgumentException e) {
                return internalServerError(exchange, requestId);
            }
        } else {
            body = response.getBody().getBytes(StandardCharsets.UTF_8);
        }
        return send(exchange, requestId, response.getStatusCode(), body);
    }

    static int internalServerError(HttpExchange exchange, String requestId) throws IOException {
        exchange.getResponseHeaders().clear();
        return message(exchange, requestId, 500, "Internal Server Error", Map.of());
    }

    static int helperReply(HttpExchange exchange, String requestId, LocalEndpoint.Reply reply) throws IOException {
        exchange.getResponseHeaders().set("content-type", reply.contentType());
        byte[] body = reply.body() == null ? new byte[0] : Json.write(reply.body()).getBytes(StandardCharsets.UTF_8);
        return send(exchange, requestId, reply.status(), body);
    }

    /** A laptop page: the API document or the page that shows it. */
    static int document(HttpExchange exchange, String requestId, ApiDocument.Page page) throws IOException {
        exchange.getResponseHeaders().set("content-type", page.contentType());
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        return send(exchange, requestId, page.status(), page.body());
    }

    /**
     * The body {@link #send} last wrote on this thread (empty when none was), and forgets it: for {@link GatewayTap}s,
     * asked on the thread that answered the exchange.
     */
    static byte[] takeSentBody() {
        byte[] body = SENT_BODY.get();
        SENT_BODY.remove();
        return body == null ? new byte[0] : body;
    }

    private static int send(HttpExchange exchange, String requestId, int status, byte[] body) throws IOException {
        if (GatewayTap.anyOpen()) {
            SENT_BODY.set(body);
        }
        exchange.getResponseHeaders().set("apigw-requestid", requestId);
        boolean noBody = body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }
}
