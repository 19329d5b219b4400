package dev.corner.catalog;

/** What other modules may know of a product. */
public record Product(ProductId id, Gtin gtin, String name, String brand, String unit) {}
