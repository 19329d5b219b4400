package dev.corner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corner.common.CornerException;
import dev.corner.stores.OpeningHours;
import dev.corner.stores.OpeningHours.Interval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    /** Open 08:00–13:00 and 14:00–20:00 on weekdays, 09:00–14:00 on Saturday, closed on Sunday. */
    private static OpeningHours shop(int preparationMinutes) {
        var week = new EnumMap<DayOfWeek, List<Interval>>(DayOfWeek.class);
        for (var day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(Interval.of("14:00", "20:00"), Interval.of("08:00", "13:00")));
        }
        week.put(DayOfWeek.SATURDAY, List.of(Interval.of("09:00", "14:00")));
        return new OpeningHours(BERLIN, Duration.ofMinutes(preparationMinutes), week);
    }

    @Test
    void anOrderWhileOpenIsReadyAfterThePreparationTime() {
        // 2026-11-23 is a Monday.
        assertThat(shop(20).readyAt(berlin("2026-11-23T10:00"))).contains(berlin("2026-11-23T10:20"));
    }

    @Test
    void preparationStopsAtTheLunchBreakAndAtNight() {
        assertThat(shop(30).readyAt(berlin("2026-11-23T12:50"))).contains(berlin("2026-11-23T14:20"));
        assertThat(shop(30).readyAt(berlin("2026-11-23T19:45"))).contains(berlin("2026-11-24T08:15"));
        assertThat(shop(30).readyAt(berlin("2026-11-23T23:00"))).contains(berlin("2026-11-24T08:30"));
    }

    @Test
    void aSaturdayEveningOrderWaitsForMonday() {
        assertThat(shop(15).readyAt(berlin("2026-11-28T15:00"))).contains(berlin("2026-11-30T08:15"));
    }

    @Test
    void wallClockHoursHoldAcrossTheChangeToSummerTime() {
        // 2026-03-29 is the Sunday the clocks go forward; Monday opens at 08:00 summer time.
        assertThat(shop(0).readyAt(berlin("2026-03-28T20:00"))).contains(berlin("2026-03-30T08:00"));
    }

    @Test
    void aStoreThatNeverOpensHasNoReadyTime() {
        var closed = new OpeningHours(BERLIN, Duration.ofMinutes(10), Map.of());
        assertThat(closed.readyAt(berlin("2026-11-23T10:00"))).isEmpty();
    }

    @Test
    void badHoursAreRefusedWithACode() {
        assertThatThrownBy(() -> Interval.of("20:00", "08:00"))
                .isInstanceOf(CornerException.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_HOURS");
        assertThatThrownBy(() -> Interval.of("8:00", "12:00")).isInstanceOf(CornerException.class);
        assertThatThrownBy(() -> Interval.of("08:00", "24:30")).isInstanceOf(CornerException.class);
        assertThatThrownBy(() -> new OpeningHours(
                        BERLIN,
                        Duration.ZERO,
                        Map.of(
                                DayOfWeek.MONDAY,
                                List.of(Interval.of("08:00", "12:00"), Interval.of("11:00", "13:00")))))
                .isInstanceOf(CornerException.class)
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> OpeningHours.zoneOf("Mars/Olympus")).isInstanceOf(CornerException.class);
        assertThat(Interval.of("00:00", "24:00").closesText()).isEqualTo("24:00");
    }

    @Test
    void theReadyTimeIsNeverEarlierThanThePreparationAndFallsInOpenTime() {
        var random = new Random(23);
        for (int i = 0; i < 2_000; i++) {
            int preparation = random.nextInt(601);
            var hours = shop(preparation);
            var orderedAt = berlin("2026-11-23T00:00").plus(Duration.ofMinutes(random.nextInt(20_160)));

            var ready = hours.readyAt(orderedAt).orElseThrow();

            assertThat(ready).isAfterOrEqualTo(orderedAt.plus(Duration.ofMinutes(preparation)));
            var local = ready.atZone(BERLIN);
            int minute = local.getHour() * 60 + local.getMinute();
            var open = hours.week().getOrDefault(local.getDayOfWeek(), List.of()).stream()
                    .anyMatch(interval -> minute >= interval.opens() && minute <= interval.closes());
            assertThat(open).as("ordered %s, ready at %s", orderedAt, local).isTrue();
        }
    }
}
