package io.qalam.platform;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the domain events a listener did not finish: it threw, or its node died
 * while it ran (the registry marks such publications failed once they are stale, see
 * {@code spring.modulith.events.staleness} in {@code application.yml}). Runs on one node
 * at a time, so a publication is never handed to two nodes by this job.
 */
@Component
class EventRedelivery {

	private final FailedEventPublications failed;

	private final Duration minAge;

	EventRedelivery(FailedEventPublications failed, @Value("${qalam.events.redeliver-after}") Duration minAge) {
		this.failed = failed;
		this.minAge = minAge;
	}

	@Scheduled(initialDelayString = "${qalam.events.redelivery-interval}",
			fixedDelayString = "${qalam.events.redelivery-interval}")
	@SchedulerLock(name = "redeliver-events", lockAtMostFor = "PT5M")
	void redeliver() {
		this.failed.resubmit(ResubmissionOptions.defaults().withMinAge(this.minAge));
	}

}
