/**
 * Accounts: users and their roles, sign-in for the web apps, API tokens, and the security
 * configuration that turns a bearer token or a web session into a {@link dev.corner.common.Caller}.
 * A simple module: flat persistence through {@code JdbcClient}, no separate domain model.
 */
@ApplicationModule(allowedDependencies = "common")
package dev.corner.accounts;

import org.springframework.modulith.ApplicationModule;
