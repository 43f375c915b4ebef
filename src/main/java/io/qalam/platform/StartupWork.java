package io.qalam.platform;

import org.springframework.context.SmartLifecycle;

/**
 * Start-up work that must be done before the site serves: run as a lifecycle bean of
 * phase {@link SetupSteps#PHASE} and after, which Spring starts before the web server
 * opens its port. A stop asked for meanwhile waits for it to end, or fails it.
 */
public abstract class StartupWork implements SmartLifecycle {

	private final int phase;

	private volatile boolean done;

	/**
	 * @param order runs after the work of smaller orders
	 */
	protected StartupWork(int order) {
		this.phase = SetupSteps.PHASE + order;
	}

	/** The work itself; runs once per start. */
	public abstract void run();

	@Override
	public void start() {
		run();
		this.done = true;
	}

	@Override
	public void stop() {
		this.done = false;
	}

	@Override
	public boolean isRunning() {
		return this.done;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

}
