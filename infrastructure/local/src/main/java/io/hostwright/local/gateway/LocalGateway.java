package io.hostwright.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hostwright.local.console.Console;
import io.hostwright.local.function.FunctionInvocationException;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.local.jwt.LocalJwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API Gateway's HTTP API on {@code 127.0.0.1}: matches the manifest's routes, runs the JWT authorizer, invokes the
 * route's function with a payload-2.0 event and writes its response back. Unknown routes get 404
 * {@code {"message":"Not Found"}}, refused tokens 401/403, a failing function 500 {@code {"message":"Internal Server
 * Error"}}, as from API Gateway. Requests run concurrently, like Lambda invocations.
 *
 * <p>Laptop-only helpers live under {@code /local/}: {@code POST /local/token} issues tokens from a key made at
 * startup (issuer {@code http://127.0.0.1:<port>/local}, audience {@value LocalJwt#AUDIENCE}), the JWKS is at
 * {@code GET /local/.well-known/jwks.json}, and the runtime adds more. {@code GET /openapi.yaml} serves the API's
 * document and {@code GET /docs} a page to read it ({@link ApiDocument}).
 *
 * <p>{@link GatewayTap}s see every exchange after it is answered (the end-to-end tests check them against the
 * document).
 */
public final class LocalGateway implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final int THREADS = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable routes;
    private final LocalJwt jwt;
    private final JwtAuthorizer authorizer;
    private final List<LocalEndpoint> helpers;

    private LocalGateway(HttpServer server, ExecutorService executor, RouteTable routes, LocalJwt jwt,
                         List<LocalEndpoint> helpers) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.jwt = jwt;
        this.authorizer = new JwtAuthorizer(jwt);
        this.helpers = helpers;
    }

    /**
     * Serves the HTTP routes of {@code functions} on {@code port} of 127.0.0.1 ({@code 0}: a free port).
     *
     * @param helpers laptop-only routes under {@code /local/}, besides the token and JWKS routes every gateway has
     */
    public static LocalGateway start(int port, List<LocalFunction> functions, List<LocalEndpoint> helpers) {
        return start(port, functions, helpers, LocalJwt.newKeyPair());
    }

    /** As {@link #start(int, List, List)}, signing tokens with {@code signingKeys} (kept across restarts). */
    public static LocalGateway start(int port, List<LocalFunction> functions, List<LocalEndpoint> helpers,
                                     KeyPair signingKeys) {
        RouteTable routes = RouteTable.of(functions);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway cannot listen on " + HOST + ":" + port
                    + (port == 0 ? "" : " (in use? set HOSTWRIGHT_PORT to another port)"), e);
        }
        int actualPort = server.getAddress().getPort();
        LocalJwt jwt = new LocalJwt("http://" + HOST + ":" + actualPort + "/local", LocalJwt.AUDIENCE, signingKeys,
                Clock.systemUTC());
        List<LocalEndpoint> all = new ArrayList<>();
        all.add(LocalEndpoint.of("POST", "/local/token", new TokenEndpoint(jwt)));
        all.add(LocalEndpoint.of("GET", "/local/.well-known/jwks.json", request -> LocalEndpoint.Reply.json(200, jwt.jwks())));
        all.add(LocalEndpoint.of("GET", "/local/.well-known/openid-configuration", request -> LocalEndpoint.Reply.json(200,
                Map.of("issuer", jwt.issuer(), "jwks_uri", jwt.issuer() + "/.well-known/jwks.json"))));
        all.addAll(helpers);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "local-gateway-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        LocalGateway gateway = new LocalGateway(server, executor, routes, jwt, List.copyOf(all));
        server.createContext("/", gateway::handle);
        server.setExecutor(executor);
        server.start();
        return gateway;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI uri() {
        return URI.create("http://" + HOST + ":" + port());
    }

    /** The issuer of this gateway's tokens; tests mint tokens with it directly. */
    public LocalJwt jwt() {
        return jwt;
    }

    public RouteTable routes() {
        return routes;
    }

    public List<LocalEndpoint> helpers() {
        return helpers;
    }

    /** Stops accepting requests, lets running ones finish (up to a second), then stops the workers. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) {
        String requestId = newRequestId();
        long started = System.nanoTime();
        Served served = new Served();
        IncomingRequest request = null;
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                GatewayReplies.message(exchange, requestId, 413, "Request Entity Too Large", Map.of());
                return;
            }
            request = IncomingRequest.from(exchange, body);
            if ((request.rawPath() + "/").startsWith(RouteTable.LOCAL_PREFIX)) {
                served.answeredBy = GatewayExchange.Answerer.LAPTOP;
                helper(exchange, requestId, request);
            } else if (ApiDocument.serves(request.method(), request.rawPath())) {
                served.answeredBy = GatewayExchange.Answerer.LAPTOP;
                GatewayReplies.document(exchange, requestId, ApiDocument.answer(request.rawPath()));
            } else {
                api(exchange, requestId, request, started, served);
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        } catch (RuntimeException e) {
            Console.error("gateway failed on " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + " (request " + requestId + ")", e);
        } finally {
            byte[] sent = GatewayReplies.takeSentBody();
            if (GatewayTap.anyOpen()) {
                try {
                    GatewayTap.publish(served.exchange(exchange, request, sent));
                } catch (RuntimeException e) {
                    Console.error("could not hand " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                            + " to the gateway taps", e);
                }
            }
        }
    }

    private void api(HttpExchange exchange, String requestId, IncomingRequest request, long started, Served served)
            throws IOException {
        Optional<RouteMatch> match = routes.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            GatewayReplies.message(exchange, requestId, 404, "Not Found", Map.of());
            return;
        }
        ApiRoute route = match.get().route();
        served.route = route;
        AuthorizerDecision decision = authorizer.decide(route.route().access(), request.header("authorization"));
        if (decision instanceof AuthorizerDecision.Refused refused) {
            served.answeredBy = GatewayExchange.Answerer.AUTHORIZER;
            GatewayReplies.message(exchange, requestId, refused.status(), refused.message(),
                    Map.of("www-authenticate", refused.wwwAuthenticate()));
            log(request, route, refused.status(), started);
            return;
        }
        APIGatewayV2HTTPEvent event = HttpApiEvents.build(request, match.get(), decision, requestId, Instant.now());
        Object result;
        try {
            result = route.function().invoke(event);
        } catch (FunctionInvocationException e) {
            Console.error(route.route().routeKey() + " → " + e.getMessage() + "; answering 500 as API Gateway would",
                    e.getCause());
            log(request, route, GatewayReplies.internalServerError(exchange, requestId), started);
            return;
        }
        served.answeredBy = GatewayExchange.Answerer.FUNCTION;
        log(request, route, GatewayReplies.functionResult(exchange, requestId, result), started);
    }

    private void helper(HttpExchange exchange, String requestId, IncomingRequest request) throws IOException {
        for (LocalEndpoint helper : helpers) {
            if (!helper.method().equals(request.method())) {
                continue;
            }
            Optional<Map<String, String>> parameters = helper.path().match(request.rawPath());
            if (parameters.isPresent()) {
                Map<String, String> query = HttpApiEvents.queryParameters(request.rawQueryString());
                LocalEndpoint.Reply reply;
                try {
                    reply = helper.handler().handle(new LocalEndpoint.Request(parameters.get(),
                            query == null ? Map.of() : query, request.body()));
                } catch (Exception e) {
                    Console.error("laptop helper " + request.method() + " " + request.rawPath() + " failed", e);
                    GatewayReplies.internalServerError(exchange, requestId);
                    return;
                }
                GatewayReplies.helperReply(exchange, requestId, reply);
                return;
            }
        }
        GatewayReplies.message(exchange, requestId, 404, "Not Found", Map.of());
    }

    /** Who answered one request, for the taps. */
    private static final class Served {
        GatewayExchange.Answerer answeredBy = GatewayExchange.Answerer.GATEWAY;
        ApiRoute route;

        GatewayExchange exchange(HttpExchange exchange, IncomingRequest request, byte[] sentBody) {
            Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
            exchange.getResponseHeaders().forEach((name, values) ->
                    responseHeaders.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            return new GatewayExchange(exchange.getRequestMethod(),
                    request == null ? exchange.getRequestURI().getRawPath() : request.rawPath(),
                    request == null ? exchange.getRequestURI().getRawQuery() : request.rawQueryString(),
                    request == null ? Map.of() : request.headers(),
                    request == null ? null : request.body(),
                    answeredBy,
                    route == null ? null : route.route().routeKey(),
                    route == null ? null : route.function().name(),
                    exchange.getResponseCode(),
                    responseHeaders,
                    sentBody);
        }
    }

    /** The body, or null when it is larger than API Gateway accepts. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void log(IncomingRequest request, ApiRoute route, int status, long started) {
        Console.info(request.method() + " " + request.rawPath() + " → " + route.function().name() + " " + status
                + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
    }

    /** API Gateway's request ids look like {@code JKJaXmPLvHcESHA=}. */
    private static String newRequestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).replace('/', 'a').replace('+', 'b');
    }
}
