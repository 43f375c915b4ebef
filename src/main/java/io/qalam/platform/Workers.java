package io.qalam.platform;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The background threads of Qalam, all made here from Spring's task executors: daemon
 * threads with names that show in a thread dump, so no worker ever holds a stopping node
 * up.
 */
public final class Workers {

	private Workers() {
	}

	/**
	 * One thread that runs tasks in order; tasks asked for meanwhile wait their turn.
	 * {@link ThreadPoolTaskExecutor#shutdown()} lets the queued tasks run and never
	 * interrupts the running one (an interrupted Lucene write closes the index's files).
	 */
	public static ThreadPoolTaskExecutor inOrder(String name) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setDaemon(true);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setThreadNamePrefix(name + "-");
		executor.initialize();
		return executor;
	}

	/** Runs one long task (a listening loop, a warm-up) on a thread of its own. */
	public static void start(String name, int priority, Runnable task) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(name + "-");
		executor.setDaemon(true);
		executor.setThreadPriority(priority);
		executor.execute(task);
	}

}
