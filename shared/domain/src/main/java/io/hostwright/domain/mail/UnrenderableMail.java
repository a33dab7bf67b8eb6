package io.hostwright.domain.mail;

/**
 * A mail request that can never be rendered as it stands: a required variable is missing or blank, or the template
 * has no files. Redelivering the same request cannot help. The message names the template and variable, never a
 * value.
 */
public final class UnrenderableMail extends RuntimeException {

    private final MailTemplate template;
    private final String variable;

    public UnrenderableMail(MailTemplate template, String variable, String message) {
        super(message, null, false, false);
        this.template = template;
        this.variable = variable;
    }

    public static UnrenderableMail missingVariable(MailTemplate template, String variable) {
        return new UnrenderableMail(template, variable,
                "template " + template.key() + " needs variable " + variable + ", which is missing or blank");
    }

    public MailTemplate template() {
        return template;
    }

    /** The variable at fault, or null when the template itself is. */
    public String variable() {
        return variable;
    }
}
