/**
 * The Spring-free model of the till: {@link dev.corner.pos.model.ZReport}, what a shift took and
 * what its drawer should hold. Exposed so that the back office can show a store's reports.
 */
@NamedInterface("model")
package dev.corner.pos.model;

import org.springframework.modulith.NamedInterface;
