/**
 * Search: a Lucene index per edition, analysed for the edition's language, that follows
 * published articles on every node; the search page of each edition and the newsroom's
 * index page for admins. Only articles readers may see are ever found.
 */
@ApplicationModule(allowedDependencies = { "accounts", "content", "edition", "platform", "platform :: web" })
package io.qalam.search;

import org.springframework.modulith.ApplicationModule;
