package dev.corner.devices.model;

/** How a household agrees to what a device orders. */
public enum Consent {
    /** Placed at once, cancellable for a number of minutes. */
    CANCEL_WINDOW,
    /** Waits for an explicit confirmation showing product, price and total. */
    CONFIRM_EACH
}
