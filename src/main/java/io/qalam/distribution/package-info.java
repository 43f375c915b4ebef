/**
 * Distribution: posting articles to each edition's Telegram channel and calling the
 * webhooks admins register. Both run once per cluster through the event publication
 * registry, and record every delivery, so that a crash loses nothing and repeats nothing
 * recorded as done.
 */
@ApplicationModule(allowedDependencies = { "accounts", "content", "edition", "media", "platform", "platform :: web" })
package io.qalam.distribution;

import org.springframework.modulith.ApplicationModule;
