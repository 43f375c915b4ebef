package io.qalam.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What operations get without a metrics token: a health check, no metrics address and no
 * metrics kept; and what a token must be.
 */
@QalamTest
class OperationsEndpointsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	@Test
	void healthAnswersWithoutALogin() {
		var response = new WebClient(this.port).get("/actuator/health");
		assertThat(response.statusCode()).isIn(200, 503);
		assertThat(response.body()).contains("\"status\":");
	}

	@Test
	void withoutATokenThereAreNoMetricsAndRequestsAreNotTimed() {
		WebClient web = new WebClient(this.port);
		assertThat(web.get("/actuator/prometheus").statusCode()).isEqualTo(404);
		assertThat(web.get("/actuator/prometheus", "Authorization", "Bearer anything-at-all-1234").statusCode())
			.isEqualTo(404);
		// a registry with nothing behind it: its meters cost next to nothing
		assertThat(this.meters).isInstanceOf(CompositeMeterRegistry.class);
		assertThat(((CompositeMeterRegistry) this.meters).getRegistries()).isEmpty();
		web.get("/ru/");
		assertThat(this.meters.find("qalam.page.cache").counters()).allMatch((c) -> c.count() == 0);
		// no observation of each request (it would cost every kept page)
		assertThat(this.context.getBeanNamesForType(ObservationRegistry.class)).isEmpty();
	}

	@Test
	void aTokenMustBeLongAndPlain() {
		assertThat(new MetricsProperties(null).enabled()).isFalse();
		assertThat(new MetricsProperties("  ").enabled()).isFalse();
		assertThat(new MetricsProperties("0123456789abcdef").enabled()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> new MetricsProperties("short"))
			.withMessageContaining("QALAM_METRICS_TOKEN")
			.withMessageContaining("at least 16");
		assertThatIllegalArgumentException().isThrownBy(() -> new MetricsProperties("with a space in the middle"));
	}

}
