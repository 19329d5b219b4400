package dev.corner.devices.model;

/**
 * A device that presses more than {@code perMinute} times within a minute is misbehaving (a stuck
 * button, a child, an attack): the press is throttled and the device paused until its household
 * resumes it.
 */
public record PressStormPolicy(int perMinute) {

    public PressStormPolicy {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a press storm bound is at least 1 a minute");
        }
    }

    /** True if one more press after {@code pressesInLastMinute} is a storm. */
    public boolean isStorm(long pressesInLastMinute) {
        return pressesInLastMinute + 1 > perMinute;
    }
}
