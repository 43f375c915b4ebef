package io.qalam.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SiteProperties.class)
class PlatformConfiguration {

	/** The one source of "now"; tests replace it with a fixed clock. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
