/**
 * Bringing an archive over from elsewhere: a WordPress export (WXR) read as a stream, its
 * posts, terms, authors and media mapped onto Qalam's, and its old addresses kept as
 * redirects.
 */
@ApplicationModule(allowedDependencies = { "accounts", "content", "edition", "media", "platform", "platform :: web" })
package io.qalam.ingest;

import org.springframework.modulith.ApplicationModule;
