package io.hostwright.infrastructure.cdk;

import software.constructs.Node;

import java.util.Arrays;
import java.util.List;

/**
 * Per-deployment values read from CDK context ({@code cdk.json} or {@code -c key=value}). Missing required values
 * stop the synth with a message naming the key, rather than deploying an API nobody can call.
 *
 * @param opsEmail         address subscribed to the ops alarm topic, or null for none
 * @param corsAllowOrigins origins allowed by CORS; empty means no CORS configuration
 */
public record DeploymentSettings(
        String jwtIssuer,
        String jwtAudience,
        String mailFrom,
        String mailFromDomain,
        String opsEmail,
        List<String> corsAllowOrigins,
        int apiRateLimit,
        int apiBurstLimit) {

    public static final String JWT_ISSUER = "jwtIssuer";
    public static final String JWT_AUDIENCE = "jwtAudience";
    public static final String MAIL_FROM = "mailFrom";
    public static final String MAIL_FROM_DOMAIN = "mailFromDomain";
    public static final String OPS_EMAIL = "opsEmail";
    public static final String CORS_ALLOW_ORIGINS = "corsAllowOrigins";
    public static final String API_RATE_LIMIT = "apiRateLimit";
    public static final String API_BURST_LIMIT = "apiBurstLimit";

    public DeploymentSettings {
        if (!jwtIssuer.startsWith("https://")) {
            throw new IllegalArgumentException("CDK context '" + JWT_ISSUER + "' must be an https URL, was " + jwtIssuer);
        }
        if (!mailFrom.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("CDK context '" + MAIL_FROM + "' must be an e-mail address, was " + mailFrom);
        }
        String senderDomain = mailFrom.substring(mailFrom.indexOf('@') + 1);
        if (!senderDomain.equals(mailFromDomain) && !senderDomain.endsWith("." + mailFromDomain)) {
            // SES only lets a domain identity send from addresses in that domain or its subdomains
            throw new IllegalArgumentException("CDK context '" + MAIL_FROM + "' (" + mailFrom + ") is not in '"
                    + MAIL_FROM_DOMAIN + "' (" + mailFromDomain + ")");
        }
        corsAllowOrigins = List.copyOf(corsAllowOrigins);
    }

    public static DeploymentSettings fromContext(Node node) {
        String mailFrom = required(node, MAIL_FROM, "the verified sender address, e.g. noreply@example.com");
        String domain = optional(node, MAIL_FROM_DOMAIN);
        String origins = optional(node, CORS_ALLOW_ORIGINS);
        return new DeploymentSettings(
                required(node, JWT_ISSUER, "the issuer URL of the storefront's JWTs, e.g. https://auth.example.com/"),
                required(node, JWT_AUDIENCE, "the audience (client id) the JWTs are issued for"),
                mailFrom,
                domain != null ? domain : mailFrom.substring(mailFrom.indexOf('@') + 1),
                optional(node, OPS_EMAIL),
                origins == null ? List.of() : Arrays.stream(origins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                integer(node, API_RATE_LIMIT, 50),
                integer(node, API_BURST_LIMIT, 100));
    }

    private static String required(Node node, String key, String meaning) {
        String value = optional(node, key);
        if (value == null) {
            throw new IllegalStateException("Missing CDK context value '" + key + "' (" + meaning
                    + "). Set it under \"context\" in cdk.json or pass -c " + key + "=...");
        }
        return value;
    }

    private static String optional(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static int integer(Node node, String key, int fallback) {
        String value = optional(node, key);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CDK context '" + key + "' must be a whole number, was " + value, e);
        }
    }
}
