/**
 * Demo data for {@code --demo}: a small neighbourhood seeded once, through the other modules' public
 * APIs only, exactly as a merchant, a maker and a household would set it up themselves.
 */
@ApplicationModule(
        allowedDependencies = {
            "common",
            "accounts",
            "stores",
            "catalog",
            "inventory",
            "devices",
            "devices :: model",
            "orders",
            "pos"
        })
package dev.corner.demo;

import org.springframework.modulith.ApplicationModule;
