package io.qalam.accounts;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import io.qalam.platform.PlainText;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Newsroom accounts. Passwords are stored only as hashes. */
@Component
public class UserAccounts {

	private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

	static final String FIRST_ADMIN = "admin";

	/** The languages the newsroom speaks, as its message bundles have them. */
	public static final List<String> LANGUAGES = List.of("ru", "kk", "en");

	/** Shortest password we accept. */
	public static final int MIN_PASSWORD_LENGTH = 12;

	// zxcvbn's scale: 3 is "safely unguessable" against an online attack and a slow hash
	private static final int MIN_SCORE = 3;

	private static final String SELECT_ACCOUNT = """
			SELECT id, username, display_name, password_hash, role, must_change_password, enabled, language FROM users""";

	// No look-alike characters (0/O, 1/l/I), so the printed password can be typed
	private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final LoginThrottle throttle;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock, LoginThrottle throttle) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.throttle = throttle;
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

	/** The account with this username, if there is one. */
	public Optional<Account> find(String username) {
		return credentials(username).map(Credentials::account);
	}

	/**
	 * The account with its password hash, for checking a login; never leaves this module.
	 */
	Optional<Credentials> credentials(String username) {
		return this.jdbc.sql(SELECT_ACCOUNT + " WHERE username = :username")
			.param("username", username)
			.query(UserAccounts::mapRow)
			.optional();
	}

	/** All accounts, by username. */
	public List<Account> all() {
		return this.jdbc.sql(SELECT_ACCOUNT + " ORDER BY username")
			.query(UserAccounts::mapRow)
			.list()
			.stream()
			.map(Credentials::account)
			.toList();
	}

	/** Whether the account must choose a new password before doing anything else. */
	public boolean mustChangePassword(String username) {
		return find(username).map(Account::mustChangePassword).orElse(false);
	}

	/**
	 * Creates an account with a temporary password that its owner must change at first
	 * login.
	 * @throws AccountException when the username is malformed or taken, or the password
	 * too weak
	 */
	public Account create(String username, String displayName, Role role, String temporaryPassword) {
		String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		if (!name.matches("[a-z][a-z0-9._-]{2,31}")) {
			throw new AccountException("account.badUsername");
		}
		String shown = (displayName != null) ? PlainText.clean(displayName).strip() : "";
		if (shown.isEmpty() || shown.length() > 128) {
			throw new AccountException("account.badDisplayName");
		}
		if (role == null) {
			throw new AccountException("account.chooseRole");
		}
		checkStrength(name, temporaryPassword);
		if (find(name).isPresent()) {
			throw new AccountException("account.usernameTaken", name);
		}
		try {
			insert(name, shown, role, temporaryPassword);
		}
		catch (DuplicateKeyException ex) {
			// CASE: someone created the same username a moment ago
			throw new AccountException("account.usernameTaken", name);
		}
		return find(name).orElseThrow();
	}

	private void insert(String name, String shown, Role role, String temporaryPassword) {
		this.jdbc
			.sql("""
					INSERT INTO users (username, display_name, password_hash, role, must_change_password, enabled, created_at)
					VALUES (:username, :name, :hash, :role, TRUE, TRUE, :now)
					""")
			.param("username", name)
			.param("name", shown)
			.param("hash", this.passwordEncoder.encode(temporaryPassword))
			.param("role", role.name())
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Replaces a password after checking the current one; wrong current passwords slow
	 * the next check as failed logins do.
	 * @param address the client's address
	 * @throws AccountException when the current password is wrong, must wait, or the new
	 * one is weak
	 */
	public void changePassword(String username, String currentPassword, String newPassword, String address) {
		Credentials account = credentials(username).orElseThrow(() -> new AccountException("account.none"));
		var wait = this.throttle.waitFor(username, address);
		if (wait.isPresent()) {
			throw new AccountException("account.wait", SecurityConfiguration.seconds(wait.get()));
		}
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, account.passwordHash())) {
			this.throttle.failed(username, address);
			throw new AccountException("account.wrongCurrent");
		}
		checkStrength(account.account().username(), newPassword);
		if (newPassword.equals(currentPassword)) {
			throw new AccountException("account.samePassword");
		}
		this.jdbc.sql("UPDATE users SET password_hash = :hash, must_change_password = FALSE WHERE id = :id")
			.param("hash", this.passwordEncoder.encode(newPassword))
			.param("id", account.account().id())
			.update();
	}

	/** Sets the account's language unless it has one already. */
	void chooseLanguageOnce(String username, String language) {
		if (LANGUAGES.contains(language)) {
			this.jdbc.sql("UPDATE users SET language = :language WHERE username = :username AND language IS NULL")
				.param("language", language)
				.param("username", username)
				.update();
		}
	}

	/** The newsroom's language for this account: one of {@link #LANGUAGES}. */
	public void setLanguage(String username, String language) {
		if (language == null || !LANGUAGES.contains(language)) {
			throw new AccountException("account.badLanguage");
		}
		int updated = this.jdbc.sql("UPDATE users SET language = :language WHERE username = :username")
			.param("language", language)
			.param("username", username)
			.update();
		if (updated == 0) {
			throw new AccountException("account.none");
		}
	}

	/**
	 * Lets an account log in again, or stops it; an admin never stops their own account.
	 */
	public void setEnabled(String username, boolean enabled, String actingUsername) {
		if (!enabled && username.equals(actingUsername)) {
			throw new AccountException("account.ownDisable");
		}
		int updated = this.jdbc.sql("UPDATE users SET enabled = :enabled WHERE username = :username")
			.param("enabled", enabled)
			.param("username", username)
			.update();
		if (updated == 0) {
			throw new AccountException("account.none");
		}
	}

	/**
	 * Gives an account another role; its open sessions end at their next request. Admins
	 * never change their own role, so an admin always remains.
	 */
	public void changeRole(String username, Role role, String actingUsername) {
		if (role == null) {
			throw new AccountException("account.chooseRole");
		}
		if (username.equals(actingUsername)) {
			throw new AccountException("account.ownRole");
		}
		int updated = this.jdbc.sql("UPDATE users SET role = :role WHERE username = :username")
			.param("role", role.name())
			.param("username", username)
			.update();
		if (updated == 0) {
			throw new AccountException("account.none");
		}
	}

	/**
	 * Replaces an account's password with a new temporary one, which it must change at
	 * its next login.
	 * @return the temporary password, to hand over to the colleague; it is not kept
	 */
	public String resetPassword(String username, String actingUsername) {
		if (username.equals(actingUsername)) {
			throw new AccountException("account.ownReset");
		}
		String temporary = randomPassword(16);
		int updated = this.jdbc
			.sql("UPDATE users SET password_hash = :hash, must_change_password = TRUE WHERE username = :username")
			.param("hash", this.passwordEncoder.encode(temporary))
			.param("username", username)
			.update();
		if (updated == 0) {
			throw new AccountException("account.none");
		}
		return temporary;
	}

	// Refuses short, common and guessable passwords (zxcvbn's word lists and patterns:
	// repeats, sequences, dates, keyboard walks) and any containing the username
	private static void checkStrength(String username, String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new AccountException("account.passwordShort", MIN_PASSWORD_LENGTH);
		}
		if (password.length() > 128) {
			throw new AccountException("account.passwordLong", 128);
		}
		if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			throw new AccountException("account.passwordHasUsername");
		}
		Strength strength = Measure.ZXCVBN.measure(password, List.of(username, "qalam", "newsroom"));
		if (strength.getScore() < MIN_SCORE) {
			// zxcvbn's own warnings are in English only: ours says what to do instead
			throw new AccountException("account.passwordGuessable");
		}
	}

	private static Credentials mapRow(ResultSet rs, int row) throws SQLException {
		return new Credentials(new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getBoolean("must_change_password"), rs.getBoolean("enabled"),
				rs.getString("language")), rs.getString("password_hash"));
	}

	/**
	 * A newsroom account, without its password hash.
	 *
	 * @param language the newsroom language its owner chose, or null for the default
	 * edition's
	 */
	public record Account(long id, String username, String displayName, Role role, boolean mustChangePassword,
			boolean enabled, String language) {
	}

	/** An account with its password hash. */
	record Credentials(Account account, String passwordHash) {

		@Override
		public String toString() {
			// never the hash, not even in a log line
			return "Credentials[" + this.account.username() + "]";
		}

	}

	/**
	 * A request about accounts that cannot be carried out; the message says why, for the
	 * user.
	 */
	public static class AccountException extends Refusal {

		AccountException(String key, Object... args) {
			super(Text.of(key, args));
		}

	}

	// Its word lists are read on the first check of a password, not at start
	private static final class Measure {

		static final Zxcvbn ZXCVBN = new Zxcvbn();

	}

}
