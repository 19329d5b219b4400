package dev.corner.orders;

/** How the goods reach the household. */
public enum Fulfilment {
    PICKUP,
    DELIVERY
}
