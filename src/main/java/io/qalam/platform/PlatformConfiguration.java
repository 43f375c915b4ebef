package io.qalam.platform;

import java.time.Clock;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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

	/** The protective headers on every answer, Tomcat's own error pages included. */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> securityHeaders() {
		return (factory) -> factory.addEngineValves(new SecurityHeaders.Valve());
	}

	@Bean
	TomcatContextCustomizer securityHeadersOnErrorPages() {
		return (context) -> ((StandardHost) context.getParent())
			.setErrorReportValveClass(SecurityHeaders.ErrorPages.class.getName());
	}

}
