package dev.corner.pos;

/** Staff asked for a sale's receipt to be e-mailed; the text is the receipt as the customer reads it. */
public record ReceiptEmailRequested(String storeId, String saleId, String to, String subject, String text) {}
