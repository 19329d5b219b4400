/**
 * Payments: payment methods as tokens, payment intents and the gateway SPI. Cash at the till needs
 * none of it; card payments arrive with the POS work. Nothing in Corner stores card data.
 */
@ApplicationModule(allowedDependencies = {"common", "accounts"})
package dev.corner.payments;

import org.springframework.modulith.ApplicationModule;
