package io.qalam.site;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The edge caches in front of the site ({@code qalam.edge.*}), purged by key after each
 * change.
 *
 * @param varnish each Varnish's address (the shipped {@code deploy/varnish/qalam.vcl}):
 * sent {@code PURGE} with the keys in {@code xkey-purge}
 * @param purgeUrl a CDN's purge-by-key API (Fastly, Cloudflare and the like), or none:
 * sent a POST of {@code {"tags": [keys]}} with the keys also in {@code Surrogate-Key}
 * @param purgeToken the CDN API's token, sent as {@code Authorization: Bearer}
 * @param timeout how long one purge may take
 * @param repurgeAfter a second purge this long after the first: another node may have
 * answered the edge from its own kept page before the change reached it
 */
@Validated
@ConfigurationProperties("qalam.edge")
record EdgeProperties(@NotNull List<URI> varnish, URI purgeUrl, String purgeToken, @NotNull Duration timeout,
		@NotNull Duration repurgeAfter) {

	EdgeProperties {
		for (URI address : varnish) {
			check(address, "qalam.edge.varnish");
		}
		if (purgeUrl != null) {
			check(purgeUrl, "qalam.edge.purge-url");
		}
	}

	private static void check(URI address, String setting) {
		if (address.getScheme() == null || !address.getScheme().matches("https?") || address.getHost() == null) {
			throw new IllegalArgumentException(setting + " takes http:// or https:// addresses, not " + address);
		}
	}

	/** Whether any edge is to be purged. */
	boolean any() {
		return !this.varnish.isEmpty() || this.purgeUrl != null;
	}

}
