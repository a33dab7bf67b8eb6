package io.hostwright.domain.mail;

import java.util.Objects;

/** A mail ready to send: one subject line, a plain-text and an HTML body. May hold a root password: never log it. */
public record RenderedMail(String subject, String text, String html) {

    public RenderedMail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return "RenderedMail[subject=<" + subject.length() + " chars>]";
    }
}
