package io.hostwright.lambda.api;

/**
 * What the id of anything the API serves can look like: 1 to {@value #MAX_LENGTH} characters (an OS template's id,
 * the longest), valid Unicode, no control characters. Anything else names nothing, so it is refused before it is
 * looked up: a key of a few thousand characters broke the table's key size limit and was answered with a 5xx.
 */
public final class Ids {

    public static final int MAX_LENGTH = 200;

    private Ids() {
    }

    /** Why {@code value} cannot be an id, or null when it can. */
    public static String whyNot(String value) {
        if (value.isEmpty()) {
            return "is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "is " + value.length() + " characters long; ids are at most " + MAX_LENGTH;
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return "holds a control character; ids have none";
        }
        if (value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            return "holds half of a surrogate pair; ids are valid Unicode";
        }
        return null;
    }
}
