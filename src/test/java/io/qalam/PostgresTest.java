package io.qalam;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real server at a random port, on a real PostgreSQL (an
 * embedded PostgreSQL 18 started once per test run), configured as production is: by the
 * database URL. Demo content is switched on explicitly, as an operator would.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "qalam.demo.enabled=true",
		"qalam.media.dir=target/test-media/${random.uuid}", "qalam.search.dir=target/test-index/${random.uuid}",
		"qalam.secrets.key=test-secrets-key-of-at-least-32-characters", "qalam.site.base-url=https://qalam.example",
		// scheduled jobs are run by the tests that need them
		"qalam.content.publish-due.initial-delay=PT24H",
		// Tests call the outside services through stand-ins of their own
		"qalam.widgets.refresh.initial-delay=PT24H", "qalam.widgets.rates.url=http://127.0.0.1:9",
		"qalam.widgets.weather.url=http://127.0.0.1:9", "qalam.distribution.telegram.api-url=http://127.0.0.1:9",
		"qalam.widgets.http.retries=1", "qalam.widgets.http.backoff=PT0.01S",
		// tests write widget values straight into the tables and look at once
		"qalam.widgets.fragment-ttl=PT0S",
		// the tests' clients stand for a reverse proxy on this machine
		"server.tomcat.remoteip.internal-proxies=127[.]0[.]0[.]1|0:0:0:0:0:0:0:1" })
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
public @interface PostgresTest {

}
