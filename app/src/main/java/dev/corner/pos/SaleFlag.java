package dev.corner.pos;

/**
 * Something about a recorded sale that the merchant should look at. Sales made offline are never
 * refused, so what would have been refused online is recorded and flagged instead.
 */
public enum SaleFlag {
    /** Stock of a product went below zero on hand with this offline sale. */
    STOCK_BELOW_ZERO,
    /** A card the register took offline was declined when the sale was forwarded. */
    CARD_DECLINED_AFTER_SYNC,
    /** A card taken offline for more than the per-sale limit. */
    OFFLINE_CARD_OVER_LIMIT,
    /** The register's price differed from the store's offer when the sale arrived. */
    PRICE_DIFFERS,
    /** A discount given offline by staff without the right to give one. */
    DISCOUNT_NOT_ALLOWED,
    /** Made offline on a register whose shift had closed when the sale arrived. */
    NO_OPEN_SHIFT,
    /**
     * Made offline by someone ({@code soldBy}) who does not work at the store when the sale
     * arrives; it is recorded under whoever sent it.
     */
    SELLER_UNKNOWN
}
