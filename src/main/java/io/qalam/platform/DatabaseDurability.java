package io.qalam.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says at start, loudly, when the database is set to acknowledge a commit before it is
 * written: H2 with a write delay (its default is 500 ms), PostgreSQL with
 * {@code synchronous_commit} or {@code fsync} off. Either loses saved work in a crash.
 */
@Component
class DatabaseDurability {

	private static final Logger log = LoggerFactory.getLogger(DatabaseDurability.class);

	private final DataSource dataSource;

	DatabaseDurability(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		for (String risk : risks(this.dataSource)) {
			log.warn("The database may lose saved work in a crash: {}", risk);
		}
	}

	/**
	 * What in the database's settings lets an acknowledged commit be lost; empty when
	 * none.
	 */
	static List<String> risks(DataSource dataSource) {
		String product;
		try (Connection connection = dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			return List.of("its settings could not be read (" + ex.getMessage() + ")");
		}
		JdbcClient jdbc = JdbcClient.create(dataSource);
		List<String> risks = new ArrayList<>();
		if (product.equals("H2")) {
			String delay = jdbc.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")
				.param("WRITE_DELAY")
				.query(String.class)
				.list()
				.stream()
				.findFirst()
				.orElse("0");
			if (!delay.equals("0")) {
				risks.add("H2 writes commits " + delay + " ms late; add ;WRITE_DELAY=0 to the database address");
			}
		}
		else if (product.equals("PostgreSQL")) {
			for (String setting : List.of("synchronous_commit", "fsync")) {
				String value = jdbc.sql("SELECT current_setting('" + setting + "')").query(String.class).single();
				if (value.equals("off")) {
					risks.add("PostgreSQL's " + setting + " is off; set it to on");
				}
			}
		}
		return risks;
	}

}
