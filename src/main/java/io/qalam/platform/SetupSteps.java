package io.qalam.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one-time start-up work (first admin, editions, demo content) exactly once per
 * database, even across restarts and nodes starting together.
 */
@Component
public class SetupSteps {

	/**
	 * The lifecycle phase of {@link StartupWork}: after the search index opens (phase 0),
	 * well before the web server opens its port, so that the first page a new install
	 * serves already has its content.
	 */
	public static final int PHASE = 100;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SetupSteps(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Runs {@code work} and records {@code step} in one transaction, unless the step was
	 * recorded before.
	 * @return whether the work ran now
	 */
	public boolean runOnce(String step, Runnable work) {
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> {
				if (isDone(step)) {
					return false;
				}
				work.run();
				this.jdbc.sql("INSERT INTO setup_steps (step, done_at) VALUES (:step, :now)")
					.param("step", step)
					.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
					.update();
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			// CASE: another node ran the same step at the same moment and committed
			// first;
			// our transaction rolled back, so nothing is duplicated
			return false;
		}
	}

	public boolean isDone(String step) {
		return this.jdbc.sql("SELECT COUNT(*) FROM setup_steps WHERE step = :step")
			.param("step", step)
			.query(Integer.class)
			.single() > 0;
	}

}
