/**
 * The shared kernel: money, typed account ids and the caller, the clock, errors and idempotency.
 * Every module may use it; it uses none of them.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.corner.common;

import org.springframework.modulith.ApplicationModule;
