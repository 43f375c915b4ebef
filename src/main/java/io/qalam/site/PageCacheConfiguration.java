package io.qalam.site;

import java.time.Clock;

import io.qalam.platform.web.SlotMarkers;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the page cache in front of everything else that handles a request. */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

	@Bean
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, WidgetFragments fragments,
			SlotMarkers markers, Clock clock) {
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(
				new PageCacheFilter(cache, fragments, markers, clock));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		// before security and MVC (a kept page needs neither), with the per-request
		// metrics; only the character encoding comes first
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
