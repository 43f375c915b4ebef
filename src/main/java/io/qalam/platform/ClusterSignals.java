package io.qalam.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Tells the other nodes of a cluster that something changed, through PostgreSQL's
 * {@code NOTIFY}/{@code LISTEN}: a signal sent in a transaction reaches the other nodes
 * when it commits, and never if it rolls back. Each node keeps one connection listening.
 * Signals are not stored: a node that was not listening (starting, or reconnecting after
 * a lost connection) misses them, so every channel also names what to do after such a
 * gap, typically a full check against the database. On H2 there is only one node, and
 * nothing to tell.
 */
@Component
public class ClusterSignals implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);

	private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final String node = UUID.randomUUID().toString();

	private final Map<String, Channel> channels = new ConcurrentHashMap<>();

	private volatile boolean postgres;

	private volatile boolean running;

	private ThreadPoolTaskExecutor listener;

	ClusterSignals(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/**
	 * Listens on a channel: {@code handler} gets every message other nodes send on it,
	 * {@code afterGap} runs whenever messages may have been missed.
	 */
	public void on(String channel, Consumer<String> handler, Runnable afterGap) {
		if (!CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("Not a channel name: " + channel);
		}
		this.channels.computeIfAbsent(channel, (c) -> new Channel(new CopyOnWriteArrayList<>(), afterGap))
			.handlers()
			.add(handler);
	}

	/**
	 * Sends a message to the other nodes, when the current transaction commits (at once
	 * outside one). At most 7,000 bytes.
	 */
	public void send(String channel, String message) {
		if (!this.postgres) {
			return;
		}
		this.jdbc.sql("SELECT pg_notify(:channel, :message)")
			.param("channel", channel)
			.param("message", this.node + "|" + message)
			.query((rs) -> {
			});
	}

	@Override
	public void start() {
		try (Connection connection = this.dataSource.getConnection()) {
			this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the database", ex);
		}
		if (!this.postgres || this.channels.isEmpty()) {
			return;
		}
		this.running = true;
		this.listener = Workers.inOrder("cluster-signals");
		this.listener.execute(this::listen);
	}

	private void listen() {
		boolean first = true;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				for (String channel : this.channels.keySet()) {
					statement.execute("LISTEN " + channel);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				if (!first) {
					this.channels.values().forEach((c) -> run(c.afterGap()));
				}
				first = false;
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(500);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							deliver(notification.getName(), notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					log.warn("Lost the connection that listens to other nodes; reconnecting: {}", ex.toString());
					sleep();
				}
			}
		}
	}

	private void deliver(String channel, String payload) {
		int bar = payload.indexOf('|');
		Channel listeners = this.channels.get(channel);
		if (bar < 0 || listeners == null || payload.substring(0, bar).equals(this.node)) {
			return;
		}
		String message = payload.substring(bar + 1);
		for (Consumer<String> handler : listeners.handlers()) {
			try {
				handler.accept(message);
			}
			catch (RuntimeException ex) {
				log.warn("A signal on {} failed: {}", channel, ex.toString());
			}
		}
	}

	private static void run(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			log.warn("Catching up after a gap in signals failed: {}", ex.toString());
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.listener != null) {
			this.listener.shutdown();
			try {
				this.listener.getThreadPoolExecutor().awaitTermination(2, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.listener = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Listeners register while the context is built; the listening starts with the last
	// phase, after what the handlers need
	@Override
	public int getPhase() {
		return DEFAULT_PHASE;
	}

	private record Channel(List<Consumer<String>> handlers, Runnable afterGap) {
	}

}
