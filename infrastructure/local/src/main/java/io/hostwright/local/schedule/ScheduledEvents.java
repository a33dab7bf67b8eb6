package io.hostwright.local.schedule;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The event EventBridge sends a schedule's target: source {@code aws.events}, detail-type {@code Scheduled Event}. */
final class ScheduledEvents {

    static final String ACCOUNT_ID = "000000000000";

    private ScheduledEvents() {
    }

    static String ruleArn(String region, String functionName) {
        return "arn:aws:events:" + region + ":" + ACCOUNT_ID + ":rule/hostwright-" + functionName + "-schedule";
    }

    static ScheduledEvent of(String eventId, String region, String functionName, Instant time) {
        ScheduledEvent event = new ScheduledEvent();
        event.setVersion("0");
        event.setId(eventId);
        event.setDetailType("Scheduled Event");
        event.setSource("aws.events");
        event.setAccount(ACCOUNT_ID);
        event.setTime(new DateTime(time.toEpochMilli(), DateTimeZone.UTC));
        event.setRegion(region);
        event.setResources(List.of(ruleArn(region, functionName)));
        event.setDetail(Map.of());
        return event;
    }
}
