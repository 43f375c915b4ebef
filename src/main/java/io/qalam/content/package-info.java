/**
 * The domain core: stories (an article and its translations across editions), articles,
 * sections, tags and authors. Holds the one write path — the newsroom's workflow
 * ({@link io.qalam.content.ArticleWorkflow}, rules in
 * {@link io.qalam.content.ArticleAction}) and bulk writes — and the events every change
 * raises, and the read models the public site uses. No web code.
 */
@ApplicationModule(allowedDependencies = { "accounts", "edition", "media", "platform" })
package io.qalam.content;

import org.springframework.modulith.ApplicationModule;
