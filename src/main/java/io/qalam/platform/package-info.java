/**
 * What every module shares: the clock, site-wide properties, one-time start-up steps,
 * user accounts and the security configuration. The page chrome lives in
 * {@link io.qalam.platform.web}.
 */
@ApplicationModule(allowedDependencies = { "edition" })
package io.qalam.platform;

import org.springframework.modulith.ApplicationModule;
