/**
 * Editions (ru, kk, en), their locales and message bundles, and the Cyrillic to Latin
 * transliteration behind slugs. Depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package io.qalam.edition;

import org.springframework.modulith.ApplicationModule;
