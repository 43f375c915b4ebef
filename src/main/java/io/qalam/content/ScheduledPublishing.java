package io.qalam.content;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled articles whose time has come, and tells of embargoes that ended.
 * Driven by the database, not by remembered timers: whatever fell due while the
 * application was down goes live on the first run after start. A database lock keeps the
 * job to one node at a time.
 */
@Component
class ScheduledPublishing {

	private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

	private final ArticleWorkflow workflow;

	ScheduledPublishing(ArticleWorkflow workflow) {
		this.workflow = workflow;
	}

	@Scheduled(initialDelayString = "${qalam.content.publish-due.initial-delay}",
			fixedDelayString = "${qalam.content.publish-due.interval}")
	@SchedulerLock(name = "publish-due-articles", lockAtMostFor = "PT5M")
	void publishDue() {
		int published = this.workflow.publishDue();
		if (published > 0) {
			log.info("Published {} scheduled article(s)", published);
		}
	}

	@Scheduled(initialDelayString = "${qalam.content.embargo-ends.initial-delay}",
			fixedDelayString = "${qalam.content.embargo-ends.interval}")
	@SchedulerLock(name = "announce-ended-embargoes", lockAtMostFor = "PT5M")
	void announceEndedEmbargoes() {
		int told = this.workflow.announceEndedEmbargoes();
		if (told > 0) {
			log.info("Embargo ended for {} article(s)", told);
		}
	}

}
