package io.hostwright.secrets;

/**
 * Turns a secret reference ({@code env:NAME}, {@code file:/path}, {@code secretsmanager:<arn-or-name>}) into the secret.
 * Configuration holds only references; the value exists in memory only, never in logs or messages.
 */
@FunctionalInterface
public interface SecretResolver {

    /**
     * @return the secret, stripped of surrounding whitespace, never empty
     * @throws SecretUnavailableException when the reference is malformed or the secret cannot be read
     */
    String resolve(String reference);
}
