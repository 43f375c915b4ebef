/**
 * The domain core: articles, stories (the translations of one article across editions),
 * sections, tags, authors and the read models the public site uses. No web code.
 */
@ApplicationModule(allowedDependencies = { "accounts", "edition", "media", "platform" })
package io.qalam.content;

import org.springframework.modulith.ApplicationModule;
