package io.qalam.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PreviewTokensTests {

	private static final String KEY = "a-preview-key-of-at-least-32-characters";

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private final PreviewTokens tokens = new PreviewTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsItsOwnTokenForThatArticleOnly() {
		String token = this.tokens.issue(42);
		assertThat(this.tokens.isValid(42, token)).isTrue();
		assertThat(this.tokens.isValid(43, token)).isFalse();
	}

	@Test
	void refusesTamperedMalformedAndForeignTokens() {
		String token = this.tokens.issue(42);
		String laterExpiry = (Long.parseLong(token.substring(0, token.indexOf('.'))) + 3600)
				+ token.substring(token.indexOf('.'));
		assertThat(this.tokens.isValid(42, laterExpiry)).isFalse();
		assertThat(this.tokens.isValid(42, null)).isFalse();
		assertThat(this.tokens.isValid(42, "")).isFalse();
		assertThat(this.tokens.isValid(42, "not-a-token")).isFalse();
		assertThat(this.tokens.isValid(42, token + "x")).isFalse();
		PreviewTokens other = new PreviewTokens("another-key-that-is-also-32-chars-long",
				Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(other.isValid(42, token)).isFalse();
	}

	@Test
	void expiresAfterThirtyMinutes() {
		String token = this.tokens.issue(42);
		PreviewTokens later = new PreviewTokens(KEY, Clock.fixed(NOW.plus(Duration.ofMinutes(31)), ZoneOffset.UTC));
		PreviewTokens sooner = new PreviewTokens(KEY, Clock.fixed(NOW.plus(Duration.ofMinutes(29)), ZoneOffset.UTC));
		assertThat(sooner.isValid(42, token)).isTrue();
		assertThat(later.isValid(42, token)).isFalse();
	}

	@Test
	void refusesAShortConfiguredKeyAndMakesOneWhenNoneIsSet() {
		assertThatIllegalStateException().isThrownBy(() -> new PreviewTokens("short", Clock.systemUTC()))
			.withMessageContaining("at least 32 characters");
		PreviewTokens generated = new PreviewTokens("", Clock.systemUTC());
		assertThat(generated.isValid(1, generated.issue(1))).isTrue();
		assertThat(generated.toString()).doesNotContain(KEY);
	}

}
