package io.qalam.api.web;

import io.qalam.platform.SiteProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The API's ETags (a digest of each answer, and a 304 when the client has it already) and
 * its name in the OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	@Bean
	OpenAPI contentApi(SiteProperties site) {
		return new OpenAPI().info(new Info().title(site.name() + " content API")
			.version("v1")
			.description("What the public site shows, as JSON: read-only, anonymous, with ETags. "
					+ "Lists are newest first; follow `next` as `cursor` to their end."));
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/api/*");
		registration.setName("apiEtags");
		return registration;
	}

}
