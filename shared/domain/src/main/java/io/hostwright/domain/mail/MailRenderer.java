package io.hostwright.domain.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link MailRequest} from the template files {@code mail/templates/<key>.subject|.txt|.html}, wrapped in
 * the audience's footer ({@code _footer-customer|staff.txt|.html}) and the HTML layout ({@code _layout.html}).
 * Placeholders are {@code {{name}}}; values are HTML-escaped in the HTML part, and line breaks are flattened in the
 * subject. Substitution is one pass, so a value that looks like a placeholder stays text. Every template is loaded
 * and checked when the renderer is built: a template using an undeclared variable fails at start-up, not at send.
 */
public final class MailRenderer {

    public static final String TEMPLATE_ROOT = "mail/templates/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
    private static final Set<String> LAYOUT_SLOTS = Set.of("subject", "content", "footer");

    private record Files(String subject, String text, String html) {
    }

    private final Map<MailTemplate, Files> templates = new EnumMap<>(MailTemplate.class);
    private final Map<MailTemplate.Audience, Files> footers = new EnumMap<>(MailTemplate.Audience.class);
    private final String layout;

    /**
     * @param resources reads a template file by its name under {@link #TEMPLATE_ROOT}; empty when there is none
     */
    public MailRenderer(Function<String, Optional<String>> resources) {
        for (MailTemplate template : MailTemplate.values()) {
            MailTemplates.Spec spec = MailTemplates.spec(template);
            Files files = new Files(
                    require(resources, template.key() + ".subject").strip(),
                    require(resources, template.key() + ".txt"),
                    require(resources, template.key() + ".html"));
            checkPlaceholders(template.key(), spec::declares, files.subject, files.text, files.html);
            templates.put(template, files);
        }
        for (MailTemplate.Audience audience : MailTemplate.Audience.values()) {
            String name = "_footer-" + audience.name().toLowerCase(Locale.ROOT);
            Files footer = new Files("", require(resources, name + ".txt"), require(resources, name + ".html"));
            checkPlaceholders(name, MailVariables.SERVICE_ID::equals, footer.text, footer.html);
            footers.put(audience, footer);
        }
        layout = require(resources, "_layout.html");
        checkPlaceholders("_layout", LAYOUT_SLOTS::contains, layout);
    }

    /** The renderer over the templates shipped in this jar. */
    public static MailRenderer fromClasspath() {
        ClassLoader loader = MailRenderer.class.getClassLoader();
        return new MailRenderer(name -> {
            try (InputStream in = loader.getResourceAsStream(TEMPLATE_ROOT + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** @throws UnrenderableMail when a required variable is missing or blank (the message names it) */
    public RenderedMail render(MailRequest request) {
        MailTemplate template = request.template();
        Map<String, String> values = values(template, request);
        Files files = templates.get(template);
        Files footer = footers.get(template.audience());

        String subject = fill(files.subject, values, MailRenderer::singleLine);
        String text = fill(files.text, values, UnaryOperator.identity()).stripTrailing()
                + "\n\n-- \n" + fill(footer.text, values, UnaryOperator.identity()).strip() + "\n";
        Map<String, String> slots = Map.of(
                "subject", escapeHtml(subject),
                "content", fill(files.html, values, MailRenderer::escapeHtml).strip(),
                "footer", fill(footer.html, values, MailRenderer::escapeHtml).strip());
        String html = fill(layout, slots, UnaryOperator.identity());
        return new RenderedMail(subject, text, html);
    }

    private static Map<String, String> values(MailTemplate template, MailRequest request) {
        MailTemplates.Spec spec = MailTemplates.spec(template);
        Map<String, String> values = new HashMap<>(spec.optional());
        request.variables().forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                values.put(name, value);
            }
        });
        for (String name : spec.required().stream().sorted().toList()) {
            if (!values.containsKey(name)) {
                throw UnrenderableMail.missingVariable(template, name);
            }
        }
        values.put(MailVariables.SERVICE_ID, request.serviceId());
        return values;
    }

    private static String fill(String template, Map<String, String> values, UnaryOperator<String> encode) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            // checked at load: every placeholder is declared, and required ones are present, so only an optional
            // variable without a default could be absent here
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(encode.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String singleLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ");
    }

    private static String require(Function<String, Optional<String>> resources, String name) {
        return resources.apply(name).orElseThrow(() -> new IllegalStateException(
                "mail template file " + TEMPLATE_ROOT + name + " is missing"));
    }

    private static void checkPlaceholders(String name, Predicate<String> declared, String... parts) {
        for (String part : parts) {
            Matcher m = PLACEHOLDER.matcher(part);
            while (m.find()) {
                if (!declared.test(m.group(1))) {
                    throw new IllegalStateException("mail template " + name + " uses {{" + m.group(1)
                            + "}}, which its variable spec does not declare");
                }
            }
        }
    }

    /** The placeholder names a template's own files use (for tests and documentation). */
    public Set<String> placeholders(MailTemplate template) {
        Files files = templates.get(template);
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(files.subject + "\n" + files.text + "\n" + files.html);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
