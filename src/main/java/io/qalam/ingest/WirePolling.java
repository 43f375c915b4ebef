package io.qalam.ingest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the wire's feeds on a schedule, once per cluster. */
@Component
class WirePolling {

	private final Wire wire;

	WirePolling(Wire wire) {
		this.wire = wire;
	}

	@Scheduled(initialDelayString = "${qalam.ingest.wire.interval}", fixedDelayString = "${qalam.ingest.wire.interval}")
	@SchedulerLock(name = "poll-wire", lockAtMostFor = "PT10M")
	void poll() {
		this.wire.pollAll();
	}

}
