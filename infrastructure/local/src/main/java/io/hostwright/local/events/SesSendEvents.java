package io.hostwright.local.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.SentEmail;
import io.hostwright.json.Json;
import io.hostwright.local.console.Console;
import io.hostwright.local.function.FunctionInvocationException;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The laptop's SES event publishing: every mail the SES emulator took becomes an EventBridge "Email Sent" event, in
 * SES's shape, for each function whose rule takes it — as the mail configuration set publishes them in AWS. At least
 * once: a cursor (the last published message id, kept in the data folder when there is one) says where to go on, so
 * a mail taken just before a kill is published after the restart. The emulator keeps a message's headers but not its
 * tags, so the event carries the headers only.
 */
public final class SesSendEvents implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(500);

    private final LocalAws aws;
    private final List<LocalFunction> subscribers;
    private final Path cursorFile;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ses-send-events");
        thread.setDaemon(true);
        return thread;
    });
    private String cursor;

    /** @param cursorFile where the cursor is kept; null keeps it in memory only */
    public SesSendEvents(LocalAws aws, List<LocalFunction> functions, Path cursorFile) {
        this.aws = aws;
        this.subscribers = functions.stream().filter(f -> f.spec().trigger() instanceof Trigger.Events events
                && events.matches(Manifest.SES_EVENT_SOURCE, Manifest.SES_EMAIL_SENT)).toList();
        this.cursorFile = cursorFile;
        this.cursor = readCursor();
    }

    /** Publishes what is due now (what a killed run left unpublished), then every half second. */
    public SesSendEvents start() {
        if (!subscribers.isEmpty()) {
            publishDue();
            timer.scheduleWithFixedDelay(this::publishQuietly, EVERY.toMillis(), EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** @return how many mails were published */
    public synchronized int publishDue() {
        List<SentEmail> sent = aws.sentEmails();
        int from = 0;
        if (cursor != null) {
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (cursor.equals(sent.get(i).messageId())) {
                    from = i + 1;
                    break;
                }
            }
        }
        int published = 0;
        for (SentEmail mail : sent.subList(from, sent.size())) {
            String event = Json.write(event(mail));
            for (LocalFunction subscriber : subscribers) {
                subscriber.invokeJson(event); // a failure stops here: the cursor stays, the next tick tries again
            }
            cursor = mail.messageId();
            published++;
        }
        if (published > 0) {
            writeCursor();
        }
        return published;
    }

    private void publishQuietly() {
        try {
            publishDue();
        } catch (FunctionInvocationException | UncheckedIOException e) {
            Console.warn("SES send events: " + e.getMessage() + "; published again shortly");
        } catch (RuntimeException e) {
            Console.error("SES send events failed; published again shortly", e);
        }
    }

    /** SES's "Email Sent" as EventBridge delivers it. */
    static ObjectNode event(SentEmail mail) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", Manifest.SES_EMAIL_SENT).put("source", Manifest.SES_EVENT_SOURCE)
                .put("account", "000000000000").put("time", mail.at().toString()).put("region", LocalAws.REGION);
        event.putArray("resources");
        ObjectNode detail = event.putObject("detail").put("eventType", "Send");
        ObjectNode message = detail.putObject("mail").put("timestamp", mail.at().toString())
                .put("source", mail.from()).put("messageId", mail.messageId()).put("headersTruncated", false);
        ArrayNode destination = message.putArray("destination");
        mail.to().forEach(destination::add);
        mail.cc().forEach(destination::add);
        mail.bcc().forEach(destination::add);
        ArrayNode headers = message.putArray("headers");
        mail.headers().forEach((name, value) -> headers.addObject().put("name", name).put("value", value));
        detail.putObject("send");
        return event;
    }

    private String readCursor() {
        if (cursorFile == null || !Files.isRegularFile(cursorFile)) {
            return null;
        }
        try {
            String text = Files.readString(cursorFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            return null; // published again from the start: the subscribers take an event twice without harm
        }
    }

    private void writeCursor() {
        if (cursorFile == null) {
            return;
        }
        try {
            Path partial = cursorFile.resolveSibling(cursorFile.getFileName() + ".partial");
            Files.writeString(partial, cursor + "\n", StandardCharsets.UTF_8);
            Files.move(partial, cursorFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the SES event cursor in " + cursorFile, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
