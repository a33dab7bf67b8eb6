package io.hostwright.local.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The laptop's identity provider: issues RS256 JWTs with a key made at startup and verifies them as API Gateway's
 * HTTP API JWT authorizer does (the rules its developer guide lists), so a token the laptop accepts is one AWS would
 * accept and the other way round:
 * <ul>
 *   <li>three base64url parts, a JSON header and payload;</li>
 *   <li>{@code alg} RS256 (the algorithm of the one key published; {@code none} and HMAC are refused) and a
 *       {@code kid} naming that key in the JWKS;</li>
 *   <li>the signature verifies with that key;</li>
 *   <li>{@code iss} is this issuer; {@code aud} contains the audience, or, only when there is no {@code aud},
 *       {@code client_id} equals it;</li>
 *   <li>{@code exp} is present and after now; {@code nbf} and {@code iat}, when present, are not after now (whole
 *       seconds, no leeway).</li>
 * </ul>
 * Like API Gateway it does not require {@code sub}: the functions refuse a token without one (401). JDK crypto only.
 */
public final class LocalJwt {

    public static final String AUDIENCE = "hostwright";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private static final String ALGORITHM = "RS256";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private final String issuer;
    private final String audience;
    private final KeyPair keys;
    private final String keyId;
    private final Clock clock;

    public LocalJwt(String issuer, String audience, KeyPair keys, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(keys.getPublic() instanceof RSAPublicKey)) {
            throw new IllegalArgumentException("RS256 needs an RSA key pair");
        }
        this.keyId = "local-" + Integer.toHexString(keys.getPublic().hashCode());
    }

    /** A new 2048-bit key, system clock. */
    public LocalJwt(String issuer, String audience) {
        this(issuer, audience, newKeyPair(), Clock.systemUTC());
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK cannot make RSA keys", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /**
     * A signed token for {@code subject}.
     *
     * @param scope space-separated OAuth scopes ({@code admin} for staff), or null for a customer
     */
    public String issue(String subject, String email, String scope, Duration ttl) {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("email", email);
        if (scope != null && !scope.isBlank()) {
            claims.put("scope", scope.strip());
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(claims);
    }

    /** The {@code kid} of this issuer's key, as its JWKS lists it. */
    public String keyId() {
        return keyId;
    }

    /** Signs any claims as they are; tests use it to make tokens that must be refused. */
    public String sign(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", ALGORITHM);
        header.put("typ", "JWT");
        header.put("kid", keyId);
        return sign(header, claims);
    }

    /**
     * Signs any header and claims with this issuer's key (RS256, whatever the header says); tests use it to make
     * tokens that must be refused.
     */
    public String sign(Map<String, Object> header, Map<String, Object> claims) {
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    /**
     * The claims of a token this issuer signed for this audience, valid now.
     *
     * @throws InvalidTokenException saying what is wrong
     */
    public Map<String, Object> verify(String token) throws InvalidTokenException {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("the token is not a JWT (header.payload.signature)");
        }
        Map<String, Object> header = decode(parts[0], "header");
        if (!ALGORITHM.equals(header.get("alg"))) {
            throw new InvalidTokenException("signing algorithm " + header.get("alg") + " is not allowed; only "
                    + ALGORITHM);
        }
        Object kid = header.get("kid");
        if (kid == null) {
            throw new InvalidTokenException("the token names no signing key (kid)");
        }
        if (!keyId.equals(kid)) {
            throw new InvalidTokenException("the signing key " + kid + " is not in the issuer's JWKS");
        }
        verifySignature(parts);
        Map<String, Object> claims = decode(parts[1], "payload");
        if (!issuer.equals(claims.get("iss"))) {
            throw new InvalidTokenException("the token issuer " + claims.get("iss") + " is not " + issuer);
        }
        if (!hasAudience(claims)) {
            throw new InvalidTokenException("the token does not have a valid audience");
        }
        long now = clock.instant().getEpochSecond();
        Long expiry = time(claims, "exp");
        if (expiry == null) {
            throw new InvalidTokenException("the token has no expiry (exp)");
        }
        if (now >= expiry) {
            throw new InvalidTokenException("the token has expired");
        }
        Long notBefore = time(claims, "nbf");
        if (notBefore != null && now < notBefore) {
            throw new InvalidTokenException("the token is not valid yet (nbf)");
        }
        Long issuedAt = time(claims, "iat");
        if (issuedAt != null && now < issuedAt) {
            throw new InvalidTokenException("the token was issued in the future (iat)");
        }
        return claims;
    }

    /** A NumericDate claim in whole seconds, or null when absent. */
    private static Long time(Map<String, Object> claims, String name) throws InvalidTokenException {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            throw new InvalidTokenException("the token's " + name + " is not a number of seconds");
        }
        return number.longValue();
    }

    /** The public key as a JSON Web Key Set, what an identity provider publishes at its {@code jwks_uri}. */
    public Map<String, Object> jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", ALGORITHM);
        jwk.put("kid", keyId);
        jwk.put("n", unsigned(key.getModulus()));
        jwk.put("e", unsigned(key.getPublicExponent()));
        return Map.of("keys", List.of(jwk));
    }

    private void verifySignature(String[] parts) throws InvalidTokenException {
        byte[] signature;
        try {
            signature = BASE64URL_DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("the token signature is not base64url", e);
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(keys.getPublic());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(signature)) {
                throw new InvalidTokenException("the token signature is not valid");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("the token signature is not valid", e);
        }
    }

    /** {@code aud} (one or a list) names the audience; {@code client_id} is looked at only without {@code aud}. */
    private boolean hasAudience(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        if (aud == null) {
            return audience.equals(claims.get("client_id"));
        }
        if (aud instanceof String single) {
            return audience.equals(single);
        }
        return aud instanceof List<?> many && many.contains(audience);
    }

    private static String encode(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write token JSON", e);
        }
    }

    private static Map<String, Object> decode(String part, String what) throws InvalidTokenException {
        try {
            Map<String, Object> value = JSON.readValue(BASE64URL_DECODER.decode(part), OBJECT);
            if (value == null) {
                throw new InvalidTokenException("the token " + what + " is not a JSON object");
            }
            return value;
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidTokenException("the token " + what + " is not base64url JSON", e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return BASE64URL.encodeToString(Arrays.copyOfRange(bytes, skip, bytes.length));
    }
}
