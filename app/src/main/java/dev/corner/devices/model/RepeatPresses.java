package dev.corner.devices.model;

/** What another press of a slot does while the slot's last order is still open. */
public enum RepeatPresses {
    /** Nothing is ordered; the device hears {@code ORDER_IN_PROGRESS}. */
    ORDER_IN_PROGRESS,
    /**
     * Inside the order's cancel window the press adds the slot's quantity to that order, up to the
     * household's {@code maxOrderQuantity}; after the window, or at the maximum, it is {@code
     * ORDER_IN_PROGRESS} again.
     */
    ADD_TO_ORDER
}
