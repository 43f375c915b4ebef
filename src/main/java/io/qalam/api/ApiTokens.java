package io.qalam.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.qalam.accounts.AuditLog;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.platform.PlainText;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content API's write tokens. An admin issues one for a newsroom account: it acts
 * with that account's role (read again on every use, so a lowered role or a disabled
 * account takes effect at once) and never more, only within its scopes, until it expires
 * or is revoked. The token is shown once; only its SHA-256 digest is stored.
 */
@Component
public class ApiTokens {

	/** How every token starts, so that secret scanners recognise a leaked one. */
	public static final String PREFIX = "qlm_";

	/** The longest a token may live. */
	public static final int MAX_DAYS = 365;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, UserAccounts accounts, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a token may do, beyond what its account's role allows anyway. */
	public enum Scope {

		DRAFTS_WRITE("drafts:write"), MEDIA_WRITE("media:write"), ARTICLES_PUBLISH("articles:publish");

		private final String word;

		Scope(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

		static Optional<Scope> of(String word) {
			return Arrays.stream(values()).filter((s) -> s.word.equals(word)).findFirst();
		}

	}

	/**
	 * Issues a token.
	 * @return the token itself, to be shown once
	 * @throws Refusal naming each field that cannot be used; nothing is stored then
	 */
	@Transactional
	public String issue(String by, String address, String account, String name, Set<Scope> scopes, int days) {
		Map<String, Text> errors = new LinkedHashMap<>();
		if (account == null || this.accounts.find(account).filter(UserAccounts.Account::enabled).isEmpty()) {
			errors.put("account", Text.of("tokens.badAccount"));
		}
		String label = (name != null) ? PlainText.clean(name).strip() : "";
		if (label.isEmpty() || label.length() > 100) {
			errors.put("name", Text.of("tokens.badName", 100));
		}
		if (scopes.isEmpty()) {
			errors.put("scopes", Text.of("tokens.noScope"));
		}
		if (days < 1 || days > MAX_DAYS) {
			errors.put("days", Text.of("tokens.badDays", MAX_DAYS));
		}
		if (!errors.isEmpty()) {
			throw new Refusal(Text.of("tokens.notIssued"), errors);
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		String words = scopes.stream().map(Scope::word).sorted().collect(Collectors.joining(" "));
		this.jdbc.sql("""
				INSERT INTO api_tokens (digest, account, name, scopes, created_by, created_at, expires_at)
				VALUES (:digest, :account, :name, :scopes, :by, :now, :expires)""")
			.param("digest", digest(token))
			.param("account", account)
			.param("name", label)
			.param("scopes", words)
			.param("by", by)
			.param("now", utc(now))
			.param("expires", utc(now.plus(Duration.ofDays(days))))
			.update();
		this.audit.record(by, AuditLog.Action.API_TOKEN_ISSUED,
				"«" + label + "» for " + account + " (" + words + "), " + days + " days", address);
		return token;
	}

	/** Revokes a token at once. */
	@Transactional
	public boolean revoke(String by, String address, long id) {
		Optional<Issued> token = all().stream().filter((t) -> t.id() == id).findFirst();
		if (token.isEmpty() || token.get().revokedAt() != null) {
			return false;
		}
		this.jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE id = :id")
			.param("now", utc(this.clock.instant()))
			.param("id", id)
			.update();
		this.audit.record(by, AuditLog.Action.API_TOKEN_REVOKED,
				"«" + token.get().name() + "» of " + token.get().account(), address);
		return true;
	}

	/** Every token issued, newest first; never the tokens themselves. */
	@Transactional(readOnly = true)
	public List<Issued> all() {
		return this.jdbc.sql("""
				SELECT id, account, name, scopes, created_by, created_at, expires_at, revoked_at, last_used_at
				FROM api_tokens ORDER BY id DESC""")
			.query((rs, n) -> new Issued(rs.getLong("id"), rs.getString("account"), rs.getString("name"),
					scopes(rs.getString("scopes")), rs.getString("created_by"),
					instant(rs.getObject("created_at", OffsetDateTime.class)),
					instant(rs.getObject("expires_at", OffsetDateTime.class)),
					instant(rs.getObject("revoked_at", OffsetDateTime.class)),
					instant(rs.getObject("last_used_at", OffsetDateTime.class))))
			.list();
	}

	/**
	 * Who a bearer token acts as, now: empty for a token that is unknown, expired or
	 * revoked, or whose account is disabled or gone.
	 */
	@Transactional
	public Optional<Bearer> bearer(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				SELECT id, account, name, scopes FROM api_tokens
				WHERE digest = :digest AND revoked_at IS NULL AND expires_at > :now""")
			.param("digest", digest(token))
			.param("now", utc(now))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("account"), rs.getString("name"),
					scopes(rs.getString("scopes"))))
			.optional()
			.flatMap((row) -> this.accounts.find(row.account()).filter(UserAccounts.Account::enabled).map((account) -> {
				this.jdbc.sql("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
					.param("now", utc(now))
					.param("id", row.id())
					.update();
				return new Bearer(row.id(), row.name(), account.username(), account.role(), row.scopes());
			}));
	}

	private record Row(long id, String account, String name, Set<Scope> scopes) {
	}

	private static Set<Scope> scopes(String words) {
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		for (String word : words.split(" ")) {
			Scope.of(word).ifPresent(scopes::add);
		}
		return scopes;
	}

	static String digest(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/** A token as the newsroom lists it. */
	public record Issued(long id, String account, String name, Set<Scope> scopes, String createdBy, Instant createdAt,
			Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
	}

	/** Who a token acts as in one request. */
	public record Bearer(long tokenId, String tokenName, String username, Role role, Set<Scope> scopes) {
	}

}
