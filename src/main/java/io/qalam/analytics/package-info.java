/**
 * Page views counted without cookies or identities: a beacon from each article page adds
 * one to the article's count for the hour and a broad class of where the reader came
 * from; each node adds up in memory and writes its sums in batches. From the counts:
 * "most read" on the public pages (a widget slot) and the newsroom's audience figures.
 */
@ApplicationModule(allowedDependencies = { "accounts", "content", "edition", "platform", "platform :: provided",
		"platform :: web" })
package io.qalam.analytics;

import org.springframework.modulith.ApplicationModule;
