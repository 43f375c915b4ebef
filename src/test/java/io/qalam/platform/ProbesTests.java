package io.qalam.platform;

import java.time.Duration;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The probes a load balancer or an orchestrator asks: liveness while the process works,
 * readiness once the node may get readers (its search index checked) and not while it
 * refuses traffic, as it does when shutting down.
 */
@QalamTest
class ProbesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void livenessAndReadinessAnswerAsTheNodeIs() {
		WebClient web = new WebClient(this.port);
		assertThat(web.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> web.get("/actuator/health/readiness").statusCode() == 200);
		assertThat(web.get("/actuator/health/readiness").body()).contains("\"UP\"");

		// what a shutdown does first: the node refuses new readers, stays alive
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			assertThat(web.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
			assertThat(web.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		assertThat(web.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

}
