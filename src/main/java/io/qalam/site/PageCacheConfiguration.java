package io.qalam.site;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.qalam.platform.web.SlotMarkers;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the page cache in front of everything else that handles a request. */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

	static final int WRITE_BUFFER = 32 * 1024;

	@Bean
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, SlotFragments slots, SlotMarkers markers,
			Clock clock, MeterRegistry meters) {
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(
				new PageCacheFilter(cache, slots, markers, clock, meters));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		// before security and MVC (a kept page needs neither); only the character
		// encoding, the check of malformed parameters and the view beacon come first
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

	// A page goes out with its headers in one write: the socket's write buffer holds a
	// typical page (with Tomcat's 8 KB, a 22 KB article page took three writes, and the
	// system calls were most of a kept page's cost)
	@Bean
	TomcatConnectorCustomizer pageSizedWrites() {
		return (connector) -> connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER));
	}

}
