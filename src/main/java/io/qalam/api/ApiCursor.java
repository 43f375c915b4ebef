package io.qalam.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.qalam.content.ArticleSummary;

/**
 * Where a list of articles goes on: the last article's publication time and number, as an
 * opaque string for the next request ({@code cursor=…}).
 */
public final class ApiCursor {

	private ApiCursor() {
	}

	/** The cursor after this article. */
	public static String after(ArticleSummary last) {
		String plain = last.publishedAt().toEpochMilli() + ":" + last.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The article a cursor points after, as far as a list needs it.
	 * @return empty when it is no cursor this API gave
	 */
	public static Optional<ArticleSummary> read(String cursor) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
			int colon = plain.indexOf(':');
			if (colon <= 0 || cursor.length() > 64) {
				return Optional.empty();
			}
			Instant at = Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon)));
			long id = Long.parseLong(plain.substring(colon + 1));
			return Optional.of(new ArticleSummary(id, "", "", "", null, at, null, null));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
