/**
 * Editions (ru, kk, en), their locales and message bundles, and the Cyrillic to Latin
 * transliteration behind slugs. Depends on no other module.
 */
package io.qalam.edition;
