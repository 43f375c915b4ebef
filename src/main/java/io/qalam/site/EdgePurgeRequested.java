package io.qalam.site;

import java.util.List;

/**
 * Keys whose pages the edge caches must drop, recorded in the event publication registry
 * with the change that made them stale: a purge that fails is sent again, also after a
 * crash.
 */
public record EdgePurgeRequested(List<String> keys) {
}
