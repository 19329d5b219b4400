/**
 * The household app, {@code /shop}: pages rendered on the server (Thymeleaf, htmx for the live
 * parts) over the other modules' public APIs, for a signed-in household. It claims devices, binds
 * their slots to needs, sets consent and limits, confirms and cancels orders, shows the spending of
 * the month and the notices, new ones live. Every text is in English, German and French. It holds no
 * data of its own.
 */
@ApplicationModule(
        allowedDependencies = {"common", "devices", "devices :: model", "orders", "catalog", "stores", "notifications"})
package dev.corner.shop;

import org.springframework.modulith.ApplicationModule;
