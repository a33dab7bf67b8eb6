package io.hostwright.manifest;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of EventBridge schedule expressions Hostwright uses, parsed so the laptop scheduler fires on the same
 * timetable EventBridge would: {@code rate(N unit)} and {@code cron(minute hour * * ? *)} where minute and hour
 * are a number or {@code *}.
 */
public sealed interface ScheduleExpression permits ScheduleExpression.Rate, ScheduleExpression.HourlyCron {

    Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    Pattern CRON = Pattern.compile("cron\\((\\d{1,2}|\\*) (\\d{1,2}|\\*) \\* \\* \\? \\*\\)");

    /** The first firing strictly after {@code after}. */
    ZonedDateTime nextAfter(ZonedDateTime after);

    static ScheduleExpression parse(String expression) {
        if (expression == null) {
            throw new IllegalArgumentException("schedule expression is missing");
        }
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            if (n < 1) {
                throw new IllegalArgumentException("rate must be at least 1: " + expression);
            }
            Duration unit = switch (rate.group(2)) {
                case "minute", "minutes" -> Duration.ofMinutes(1);
                case "hour", "hours" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return new Rate(unit.multipliedBy(n));
        }
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            Integer minute = cron.group(1).equals("*") ? null : Integer.valueOf(cron.group(1));
            Integer hour = cron.group(2).equals("*") ? null : Integer.valueOf(cron.group(2));
            if ((minute != null && minute > 59) || (hour != null && hour > 23)) {
                throw new IllegalArgumentException("cron minute or hour out of range: " + expression);
            }
            return new HourlyCron(minute, hour);
        }
        throw new IllegalArgumentException("unsupported schedule expression: " + expression);
    }

    record Rate(Duration every) implements ScheduleExpression {
        @Override
        public ZonedDateTime nextAfter(ZonedDateTime after) {
            return after.plus(every);
        }
    }

    /** {@code minute}/{@code hour} null means every. */
    record HourlyCron(Integer minute, Integer hour) implements ScheduleExpression {
        @Override
        public ZonedDateTime nextAfter(ZonedDateTime after) {
            ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            for (int i = 0; i < 60 * 24 * 2; i++, t = t.plusMinutes(1)) {
                if ((minute == null || t.getMinute() == minute) && (hour == null || t.getHour() == hour)) {
                    return t;
                }
            }
            throw new IllegalStateException("no firing within two days");
        }
    }
}
