package io.qalam.widgets;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * "Refresh now" in the newsroom queues the fetch; the editor's request never waits for
 * it.
 */
class WidgetStatus_RefreshNowTests {

	@Test
	void theRequestReturnsWhileTheFetchStillWaitsForTheService() throws InterruptedException {
		CountDownLatch serviceAnswers = new CountDownLatch(1);
		CountDownLatch fetched = new CountDownLatch(1);
		AtomicInteger fetches = new AtomicInteger();
		ExchangeRates stalled = new ExchangeRates(null, null, null, null, null, null, null, null, null) {
			@Override
			Optional<Integer> refresh() {
				fetches.incrementAndGet();
				try {
					serviceAnswers.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				fetched.countDown();
				return Optional.empty();
			}
		};
		WidgetStatus status = new WidgetStatus(null, stalled, null, properties(), Clock.systemUTC());
		try {
			assertThat(status.refreshNow(FetchLog.RATES)).isTrue();
			// Asked again while the first still waits: that one is the fetch asked for
			assertThat(status.refreshNow(FetchLog.RATES)).isFalse();
			serviceAnswers.countDown();
			assertThat(fetched.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(fetches).hasValue(1);
			assertThatIllegalArgumentException().isThrownBy(() -> status.refreshNow("stocks"));
		}
		finally {
			status.stop();
		}
	}

	private static WidgetsProperties properties() {
		return TestWidgetsProperties.with(Map.of("rates.currencies", "USD"));
	}

}
