package io.qalam.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Short-lived signed tokens for the preview address of an unpublished article:
 * HMAC-SHA256 over the article id and an expiry time. The key comes from the environment
 * ({@code QALAM_PREVIEW_KEY}); without it each node makes its own at start, and a preview
 * link then works only on the node that made it.
 */
@Component
public class PreviewTokens {

	private static final Logger log = LoggerFactory.getLogger(PreviewTokens.class);

	private static final Duration LIFETIME = Duration.ofMinutes(30);

	private final byte[] key;

	private final Clock clock;

	PreviewTokens(@Value("${qalam.preview.key}") String configuredKey, Clock clock) {
		this.clock = clock;
		if (configuredKey.isBlank()) {
			this.key = new byte[32];
			new SecureRandom().nextBytes(this.key);
			log.info("No QALAM_PREVIEW_KEY set: preview links are signed with a key of this node only");
		}
		else if (configuredKey.length() < 32) {
			throw new IllegalStateException("QALAM_PREVIEW_KEY must be at least 32 characters");
		}
		else {
			this.key = configuredKey.getBytes(StandardCharsets.UTF_8);
		}
	}

	/** A token for previewing this article, valid for 30 minutes. */
	public String issue(long articleId) {
		long expires = this.clock.instant().plus(LIFETIME).getEpochSecond();
		return expires + "." + sign(articleId, expires);
	}

	/** Whether the token was issued here for this article and has not expired. */
	public boolean isValid(long articleId, String token) {
		if (token == null || !token.matches("\\d{1,12}\\.[A-Za-z0-9_-]{43}")) {
			return false;
		}
		int dot = token.indexOf('.');
		long expires = Long.parseLong(token.substring(0, dot));
		if (expires < this.clock.instant().getEpochSecond()) {
			return false;
		}
		byte[] expected = sign(articleId, expires).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		// constant time, so the signature cannot be guessed byte by byte
		return MessageDigest.isEqual(expected, given);
	}

	private String sign(long articleId, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] signature = mac.doFinal((articleId + ":" + expires).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	@Override
	public String toString() {
		// never the key
		return "PreviewTokens[key hidden]";
	}

}
