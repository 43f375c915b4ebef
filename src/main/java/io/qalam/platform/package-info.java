/**
 * The technical parts every module shares: the clock, site-wide properties, the data
 * directory, one-time start-up steps, cluster signals between nodes, after-commit work,
 * secrets and preview tokens, outside calls with their bounds, plain-text cleaning and
 * the protective headers. The page chrome lives in {@link io.qalam.platform.web}.
 */
@ApplicationModule(allowedDependencies = { "edition" })
package io.qalam.platform;

import org.springframework.modulith.ApplicationModule;
