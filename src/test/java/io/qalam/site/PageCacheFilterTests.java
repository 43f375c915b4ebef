package io.qalam.site;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.qalam.platform.web.SlotMarkers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page cache's filter on its own: readers who ask for a page while it is being
 * rendered wait for that render instead of starting their own (a spike right after a
 * publication costs one render, not one per reader).
 */
class PageCacheFilterTests {

	private final PageCache cache = new PageCache(
			new PageCacheProperties(true, DataSize.ofMegabytes(1), Duration.ofSeconds(1)), Clock.systemUTC());

	private final PageCacheFilter filter = new PageCacheFilter(this.cache, new SlotFragments(java.util.List.of()),
			new SlotMarkers(), Clock.systemUTC(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

	@Test
	void readersOfAPageBeingRenderedWaitForThatRender() throws Exception {
		AtomicInteger renders = new AtomicInteger();
		CountDownLatch rendering = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		FilterChain slowPage = (request, response) -> {
			renders.incrementAndGet();
			rendering.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			HttpServletResponse http = (HttpServletResponse) response;
			http.setContentType("text/plain;charset=UTF-8");
			http.setHeader("Cache-Control", "public, max-age=0");
			http.setHeader(CachePolicy.SURROGATE_KEY, "article-1 edition-ru");
			http.getOutputStream().write("the page".getBytes(StandardCharsets.UTF_8));
		};
		ExecutorService readers = Executors.newFixedThreadPool(4);
		try {
			Future<MockHttpServletResponse> first = readers.submit(() -> get(slowPage));
			assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();
			Future<MockHttpServletResponse> second = readers.submit(() -> get(slowPage));
			Future<MockHttpServletResponse> third = readers.submit(() -> get(slowPage));
			Thread.sleep(200);
			release.countDown();
			for (Future<MockHttpServletResponse> answer : java.util.List.of(first, second, third)) {
				MockHttpServletResponse response = answer.get(10, TimeUnit.SECONDS);
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(response.getContentAsString()).isEqualTo("the page");
			}
			assertThat(renders).hasValue(1);
			assertThat(second.get().getHeader(PageCacheFilter.CACHE_HEADER)).isEqualTo("HIT");
		}
		finally {
			readers.shutdownNow();
		}
	}

	@Test
	void aPageNotToKeepIsRenderedForEachReader() throws Exception {
		AtomicInteger renders = new AtomicInteger();
		FilterChain privatePage = (request, response) -> {
			renders.incrementAndGet();
			HttpServletResponse http = (HttpServletResponse) response;
			http.setContentType("text/plain;charset=UTF-8");
			http.setHeader("Cache-Control", "no-store");
			http.getOutputStream().write("yours".getBytes(StandardCharsets.UTF_8));
		};
		assertThat(get(privatePage).getContentAsString()).isEqualTo("yours");
		assertThat(get(privatePage).getContentAsString()).isEqualTo("yours");
		assertThat(renders).hasValue(2);
	}

	private MockHttpServletResponse get(FilterChain chain) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ru/2026/11/28/story");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, chain);
		return response;
	}

}
