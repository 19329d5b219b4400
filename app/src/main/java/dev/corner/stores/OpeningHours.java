package dev.corner.stores;

import dev.corner.common.CornerException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a store is open, in its own time zone, and how long it takes to get an order ready for
 * pickup. Preparation happens only while the store is open: an order placed at night is ready the
 * preparation time after opening, and one that does not fit before closing goes on the next day.
 */
public record OpeningHours(ZoneId zone, Duration preparation, Map<DayOfWeek, List<Interval>> week) {

    /** What a store without hours is taken to be: always open, 30 minutes to get an order ready. */
    public static final OpeningHours ALWAYS_OPEN = new OpeningHours(ZoneId.of("UTC"), Duration.ofMinutes(30), always());

    /** How far ahead a ready time is looked for; a store closed that long has none. */
    static final int DAYS_AHEAD = 14;

    /** Open from {@code opens} to {@code closes}, minutes after midnight; 1440 is the end of the day. */
    public record Interval(int opens, int closes) {
        public Interval {
            if (opens < 0 || closes > 1440 || opens >= closes) {
                throw CornerException.invalid(
                        "INVALID_HOURS", "an opening interval runs from 00:00 to 24:00 and closes after it opens");
            }
        }

        /** From "HH:MM" texts; "24:00" closes at the end of the day. */
        public static Interval of(String opens, String closes) {
            return new Interval(minutes(opens), minutes(closes));
        }

        public String opensText() {
            return text(opens);
        }

        public String closesText() {
            return text(closes);
        }

        private static int minutes(String text) {
            if (text == null || !text.matches("\\d{2}:\\d{2}")) {
                throw CornerException.invalid("INVALID_HOURS", "a time is HH:MM, e.g. 08:30; got " + text);
            }
            int hours = Integer.parseInt(text.substring(0, 2));
            int minutes = Integer.parseInt(text.substring(3));
            if (minutes > 59 || hours > 24 || (hours == 24 && minutes > 0)) {
                throw CornerException.invalid("INVALID_HOURS", "no such time of day: " + text);
            }
            return hours * 60 + minutes;
        }

        private static String text(int minutes) {
            return String.format("%02d:%02d", minutes / 60, minutes % 60);
        }
    }

    public OpeningHours {
        if (zone == null) {
            throw CornerException.invalid("INVALID_HOURS", "timeZone is required, e.g. Europe/Berlin");
        }
        if (preparation == null || preparation.isNegative() || preparation.compareTo(Duration.ofHours(24)) > 0) {
            throw CornerException.invalid("INVALID_HOURS", "preparationMinutes is 0 to 1440");
        }
        var copy = new EnumMap<DayOfWeek, List<Interval>>(DayOfWeek.class);
        if (week != null) {
            week.forEach((day, intervals) -> {
                var sorted = new ArrayList<>(intervals == null ? List.<Interval>of() : intervals);
                sorted.sort(Comparator.comparingInt(Interval::opens));
                for (int i = 1; i < sorted.size(); i++) {
                    if (sorted.get(i).opens() < sorted.get(i - 1).closes()) {
                        throw CornerException.invalid("INVALID_HOURS", "opening intervals of " + day + " overlap");
                    }
                }
                copy.put(day, List.copyOf(sorted));
            });
        }
        week = Map.copyOf(copy);
    }

    public static ZoneId zoneOf(String name) {
        try {
            return ZoneId.of(name == null ? "" : name);
        } catch (DateTimeException e) {
            throw CornerException.invalid("INVALID_HOURS", "unknown time zone " + name + "; use e.g. Europe/Berlin");
        }
    }

    /**
     * When an order placed at {@code orderedAt} is ready for pickup: its preparation counted in open
     * time only. Empty if the store does not open within {@value #DAYS_AHEAD} days.
     */
    public Optional<Instant> readyAt(Instant orderedAt) {
        var remaining = preparation;
        var day = LocalDate.ofInstant(orderedAt, zone);
        for (int d = 0; d <= DAYS_AHEAD; d++, day = day.plusDays(1)) {
            for (var interval : week.getOrDefault(day.getDayOfWeek(), List.of())) {
                var opens = at(day, interval.opens());
                var closes = at(day, interval.closes());
                if (!closes.isAfter(orderedAt)) {
                    continue;
                }
                var start = opens.isAfter(orderedAt) ? opens : orderedAt;
                var open = Duration.between(start, closes);
                if (remaining.compareTo(open) <= 0) {
                    return Optional.of(start.plus(remaining));
                }
                remaining = remaining.minus(open);
            }
        }
        return Optional.empty();
    }

    /** The instant of a local time of day, as the wall clock reads it (also across a DST change). */
    private Instant at(LocalDate day, int minutes) {
        return minutes == 1440
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(LocalTime.of(minutes / 60, minutes % 60))
                        .atZone(zone)
                        .toInstant();
    }

    private static Map<DayOfWeek, List<Interval>> always() {
        var week = new EnumMap<DayOfWeek, List<Interval>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            week.put(day, List.of(new Interval(0, 1440)));
        }
        return week;
    }
}
