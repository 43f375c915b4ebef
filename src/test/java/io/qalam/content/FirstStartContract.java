package io.qalam.content;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the first start leaves in an empty database, and that running it again adds
 * nothing. Run against each database we support (see the subclasses).
 */
abstract class FirstStartContract {

	// Other tests in the same database add articles through ArticleBuilder, marked by
	// their source line
	private static final String DEMO = "(source_line IS NULL OR source_line <> 'Source: test')";

	@Autowired
	ContentSetup setup;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsEditionsSectionsAndDemoContent() {
		assertThat(count("SELECT COUNT(*) FROM editions")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM sections")).isEqualTo(6);
		assertThat(count("SELECT COUNT(*) FROM section_names")).isEqualTo(18);
		assertThat(demoArticles()).isGreaterThanOrEqualTo(30);
		for (String edition : new String[] { "ru", "kk", "en" }) {
			assertThat(count("SELECT COUNT(*) FROM articles WHERE " + DEMO + " AND edition = '" + edition + "'"))
				.as("demo articles in %s", edition)
				.isGreaterThanOrEqualTo(9);
		}
		// several stories translated into all three editions
		assertThat(count("SELECT COUNT(*) FROM (SELECT story_id FROM articles WHERE " + DEMO
				+ " GROUP BY story_id HAVING COUNT(*) = 3) translated"))
			.isGreaterThanOrEqualTo(5);
	}

	@Test
	void createsTheFirstAdminWithAHashedPasswordThatMustBeChanged() {
		var admin = this.jdbc
			.sql("SELECT password_hash, role, must_change_password FROM users WHERE username = 'admin'")
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getBoolean(3) })
			.single();
		assertThat((String) admin[0]).startsWith("{bcrypt}$2");
		assertThat(admin[1]).isEqualTo("ADMIN");
		assertThat(admin[2]).isEqualTo(true);
	}

	@Test
	void runningTheFirstStartAgainCreatesNothingTwice() {
		long articles = count("SELECT COUNT(*) FROM articles");
		long images = count("SELECT COUNT(*) FROM images");
		long users = count("SELECT COUNT(*) FROM users");
		this.setup.run();
		this.setup.run();
		assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(articles);
		assertThat(count("SELECT COUNT(*) FROM images")).isEqualTo(images);
		assertThat(count("SELECT COUNT(*) FROM sections")).isEqualTo(6);
		assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(users);
		assertThat(count("SELECT COUNT(*) FROM users WHERE username = 'admin'")).isEqualTo(1);
	}

	private long demoArticles() {
		return count("SELECT COUNT(*) FROM articles WHERE " + DEMO);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
