package io.qalam.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a per-node effect of a change (evicting pages, updating the search index) once the
 * change is committed: right after the commit inside a transaction, at once outside one.
 * Never for a change that rolls back.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static void run(Runnable effect) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					effect.run();
				}
			});
		}
		else {
			effect.run();
		}
	}

}
