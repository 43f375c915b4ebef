package io.qalam.platform;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link MeterRegistry} every module records to. With a token set
 * ({@link MetricsProperties}) it is Prometheus's, with the JVM's own meters and the
 * connection pool's bound to it; without, a registry whose meters do nothing, so a site
 * that is not scraped pays next to nothing. Boot's metrics auto-configuration is left out
 * on purpose: it cost half a second at every start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class Metrics {

	@Bean(destroyMethod = "close")
	MeterRegistry meterRegistry(MetricsProperties properties) {
		if (!properties.enabled()) {
			// no registry added: every meter made from it is a no-op
			return new CompositeMeterRegistry();
		}
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		List<MeterBinder> jvm = List.of(new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(),
				new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics());
		jvm.forEach((binder) -> binder.bindTo(registry));
		return registry;
	}

	/**
	 * Binds the meters Boot's modules offer as beans (the connection pool's), once every
	 * bean is made: Boot's own binding comes with the metrics auto-configuration left
	 * out.
	 */
	@Bean
	SmartInitializingSingleton meterBinders(MetricsProperties properties, MeterRegistry registry,
			ObjectProvider<MeterBinder> binders) {
		return () -> {
			if (properties.enabled()) {
				binders.orderedStream().forEach((binder) -> binder.bindTo(registry));
			}
		};
	}

}
