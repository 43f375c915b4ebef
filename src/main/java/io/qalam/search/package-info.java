/**
 * Search: a Lucene index per edition, analysed for the edition's language, that follows
 * published articles. Only articles readers may see are ever found.
 */
@ApplicationModule(allowedDependencies = { "accounts", "content", "edition", "platform", "platform :: web" })
package io.qalam.search;

import org.springframework.modulith.ApplicationModule;
