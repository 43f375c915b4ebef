package io.qalam.distribution;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.qalam.content.ArticleEvent;
import io.qalam.content.LiveBlogEvent;
import jakarta.annotation.PreDestroy;
import io.qalam.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where article events enter distribution. The listener runs through the event
 * publication registry (once per cluster, handed out again if it fails or its node dies)
 * and only writes down what is to be sent, in its own transaction; sending happens right
 * after that commits, and on every node every {@code qalam.distribution.interval} for
 * retries — each delivery is claimed by one node before it is sent.
 */
@Component
@EnableConfigurationProperties(DistributionProperties.class)
class Distribution {

	private static final Logger log = LoggerFactory.getLogger(Distribution.class);

	private final Webhooks webhooks;

	private final WebhookSender webhookSender;

	private final TelegramPosts telegram;

	// one sending round at a time on this node; a round asked for meanwhile runs after it
	private final ThreadPoolTaskExecutor sender = Workers.inOrder("distribution");

	private final AtomicBoolean roundQueued = new AtomicBoolean();

	private volatile boolean stopped;

	Distribution(Webhooks webhooks, WebhookSender webhookSender, TelegramPosts telegram) {
		this.webhooks = webhooks;
		this.webhookSender = webhookSender;
		this.telegram = telegram;
	}

	@ApplicationModuleListener
	void on(ArticleEvent event) {
		if (!event.origin().tellsReaders()) {
			// demo content and imported archives are no news
			return;
		}
		if (!(event instanceof ArticleEvent.ArticleUnpublished) && event.after() == null) {
			// not visible yet (an embargo): told of when it ends, by an EMBARGO event
			return;
		}
		this.webhooks.enqueue(event);
		this.telegram.record(event);
		sendAfterCommit();
	}

	/**
	 * A live blog's entry goes to the channel only when an editor asks; webhooks hear of
	 * the article, not of its entries.
	 */
	@ApplicationModuleListener
	void on(LiveBlogEvent event) {
		if (event.kind() == LiveBlogEvent.Kind.SHARED || event.kind() == LiveBlogEvent.Kind.CORRECTED) {
			this.telegram.record(event);
			sendAfterCommit();
		}
	}

	private void sendAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sendSoon();
				}
			});
		}
	}

	@Scheduled(initialDelayString = "${qalam.distribution.interval}",
			fixedDelayString = "${qalam.distribution.interval}")
	void tick() {
		sendSoon();
	}

	/** Runs a sending round on this node soon, unless one is already waiting. */
	void sendSoon() {
		if (!this.stopped && this.roundQueued.compareAndSet(false, true)) {
			try {
				this.sender.execute(this::round);
			}
			catch (RejectedExecutionException ex) {
				// stopping: the next node start sends what is due
				this.roundQueued.set(false);
			}
		}
	}

	private void round() {
		this.roundQueued.set(false);
		if (this.stopped) {
			return;
		}
		try {
			this.telegram.sendDue();
		}
		catch (RuntimeException ex) {
			log.warn("Telegram round failed: {}", ex.toString());
		}
		try {
			this.webhookSender.sendDue();
		}
		catch (RuntimeException ex) {
			log.warn("Webhook round failed: {}", ex.toString());
		}
	}

	@PreDestroy
	void stop() {
		// a call under way finishes or times out; its delivery stays claimed and is
		// recovered by the next node (uncertain for Telegram, sent again for webhooks)
		this.stopped = true;
		this.sender.shutdown();
	}

}
