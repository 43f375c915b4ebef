package io.qalam.platform;

import io.micrometer.observation.ObservationRegistry;
import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** What operations get: a health check, and no metrics machinery that nobody reads. */
@QalamTest
class OperationsEndpointsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void healthAnswersWithoutALogin() {
		var response = new WebClient(this.port).get("/actuator/health");
		assertThat(response.statusCode()).isIn(200, 503);
		assertThat(response.body()).contains("\"status\":");
	}

	@Test
	void requestsAreNotTimedAndNoMetricsAreKept() {
		// Metrics cost every start and every page; they come back with a registry to
		// export to
		assertThat(ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", getClass().getClassLoader()))
			.isFalse();
		assertThat(this.context.getBeanNamesForType(ObservationRegistry.class)).isEmpty();
	}

}
