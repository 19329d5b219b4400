package dev.corner.devices.model;

/** How a slot picks among acceptable products and stores. */
public enum Strategy {
    /** The first acceptable product, in the household's order, at the first store that has it. */
    PREFERRED,
    /** The lowest unit price among all acceptable products and stores. */
    CHEAPEST,
    /**
     * The earliest ready for pickup, by each store's opening hours and preparation time; among
     * equally early, the cheaper.
     */
    FASTEST
}
