package dev.corner.model;

import dev.corner.devices.model.ConsumptionEstimate;
import dev.corner.devices.model.SlotReading;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The baseline the backtest compares with: the rate is the drop between the last two readings,
 * the level is the last reading. No rate when the last step was not a drop.
 */
final class NaiveConsumptionModel {

    static ConsumptionEstimate estimate(List<SlotReading> readings) {
        var last = readings.get(readings.size() - 1);
        if (readings.size() < 2) {
            return new ConsumptionEstimate(
                    last.measuredAt(), last.remaining(), last.capacity(), OptionalDouble.empty());
        }
        var before = readings.get(readings.size() - 2);
        double days = Duration.between(before.measuredAt(), last.measuredAt()).toSeconds() / 86_400.0;
        double drop = before.remaining() - last.remaining();
        var rate = drop > 0 && days > 0 ? OptionalDouble.of(drop / days) : OptionalDouble.empty();
        return new ConsumptionEstimate(last.measuredAt(), last.remaining(), last.capacity(), rate);
    }

    private NaiveConsumptionModel() {}
}
