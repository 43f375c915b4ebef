/**
 * Search: a Lucene index per edition, analysed for the edition's language, that follows
 * published articles. Only articles readers may see are ever found.
 */
package io.qalam.search;
