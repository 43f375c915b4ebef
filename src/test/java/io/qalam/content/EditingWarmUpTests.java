package io.qalam.content;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.qalam.QalamTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up after start runs the real sanitizer and event serializer without failing.
 */
@QalamTest
class EditingWarmUpTests {

	@Autowired
	EditingWarmUp warmUp;

	@Test
	void runsWithoutAWarning() {
		Logger logger = (Logger) LoggerFactory.getLogger(EditingWarmUp.class);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		logger.addAppender(logged);
		try {
			this.warmUp.run();
		}
		finally {
			logger.detachAppender(logged);
		}
		assertThat(logged.list).isEmpty();
	}

}
