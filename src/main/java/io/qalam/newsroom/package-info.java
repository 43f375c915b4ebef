/**
 * The staff web UI under {@code /newsroom}: login, password change, dashboard and the
 * users admin. Every route needs a login; see the platform's security configuration.
 */
@ApplicationModule(allowedDependencies = { "accounts", "content", "edition", "media", "platform", "platform :: web" })
package io.qalam.newsroom;

import org.springframework.modulith.ApplicationModule;
