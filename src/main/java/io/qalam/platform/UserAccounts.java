package io.qalam.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Newsroom accounts. Passwords are stored only as hashes. */
@Component
public class UserAccounts {

	private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

	static final String FIRST_ADMIN = "admin";

	// No look-alike characters (0/O, 1/l/I), so the printed password can be typed
	private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/**
	 * Creates the first admin with a random password and prints that password once. Must
	 * run inside {@link SetupSteps#runOnce}, so that it never runs twice.
	 */
	void createFirstAdmin() {
		String password = randomPassword(20);
		this.jdbc
			.sql("""
					INSERT INTO users (username, display_name, password_hash, role, must_change_password, enabled, created_at)
					VALUES (:username, :name, :hash, :role, TRUE, TRUE, :now)
					""")
			.param("username", FIRST_ADMIN)
			.param("name", "Administrator")
			.param("hash", this.passwordEncoder.encode(password))
			.param("role", Role.ADMIN.name())
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
		// The one deliberate exception to "no secret in the log" (see DESIGN.md,
		// Secrets):
		// printed once, and the account must change it at first login.
		log.warn("""


				*************************************************************
				  First start: created the newsroom account '{}'
				  Password (shown only this once): {}
				  You will be asked to change it at first login.
				*************************************************************
				""", FIRST_ADMIN, password);
	}

	String randomPassword(int length) {
		StringBuilder password = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			password.append(PASSWORD_ALPHABET.charAt(this.random.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

	Optional<Account> findByUsername(String username) {
		return this.jdbc.sql("""
				SELECT id, username, display_name, password_hash, role, must_change_password, enabled
				FROM users WHERE username = :username
				""")
			.param("username", username)
			.query((rs, row) -> new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
					rs.getBoolean("must_change_password"), rs.getBoolean("enabled")))
			.optional();
	}

	/** A newsroom account as stored. */
	record Account(long id, String username, String displayName, String passwordHash, Role role,
			boolean mustChangePassword, boolean enabled) {
	}

}
