package io.qalam.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * What becomes of an exception thrown by work run in the background (the events' async
 * listeners): work to be done again ({@link RetriedLater}) is a line, anything else an
 * error with its stack trace, as Spring logs it.
 */
@Configuration(proxyBeanMethods = false)
class AsyncFailures implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AsyncFailures.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		AsyncUncaughtExceptionHandler others = new SimpleAsyncUncaughtExceptionHandler();
		return (ex, method, parameters) -> {
			if (ex instanceof RetriedLater) {
				log.info("{}: kept to be done again", ex.getMessage());
			}
			else {
				others.handleUncaughtException(ex, method, parameters);
			}
		};
	}

}
