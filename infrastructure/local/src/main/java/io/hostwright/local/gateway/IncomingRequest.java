package io.hostwright.local.gateway;

import com.sun.net.httpserver.HttpExchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** One HTTP request as the gateway received it: raw path and query, lower-cased headers, body bytes. */
record IncomingRequest(
        String method,
        String rawPath,
        String rawQueryString,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        int localPort,
        String protocol) {

    static IncomingRequest from(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                        (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        return new IncomingRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                rawQuery == null ? "" : rawQuery,
                headers,
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getLocalAddress().getPort(),
                exchange.getProtocol());
    }

    /** The first value of a header, by lower-case name. */
    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
