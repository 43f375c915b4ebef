package io.qalam.site;

import java.time.Instant;
import java.util.List;

/**
 * Keys whose pages the edge caches must drop, recorded in the event publication registry
 * with the change that made them stale: a purge that fails is sent again, also after a
 * crash.
 *
 * @param keys the keys to purge
 * @param requestedAt when the change asked for it (null in purges recorded before it was
 * kept)
 */
public record EdgePurgeRequested(List<String> keys, Instant requestedAt) {
}
