package io.qalam.widgets;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;

import io.qalam.platform.OutsideCall;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Calls the outside services behind the widgets: a connect timeout and a deadline for the
 * whole answer on every call, a size cap on its body, and retries with a doubling wait
 * after timeouts, connection errors and 5xx answers. Anything else that is not a 200 — a
 * redirect included, which is never followed — is rejected at once.
 */
@Component
class Upstream {

	// Built on the first call, not at start: building one loads the TLS stack and the
	// trusted certificates, a few hundred milliseconds that a starting site spends better
	private final SingletonSupplier<HttpClient> client;

	private final WidgetsProperties.Http settings;

	private final RetryTemplate retry;

	Upstream(WidgetsProperties properties) {
		this.settings = properties.http();
		this.client = SingletonSupplier.of(() -> HttpClient.newBuilder()
			.connectTimeout(this.settings.connectTimeout())
			// a redirect could lead anywhere, the site's own addresses included
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(this.settings.retries())
			.delay(this.settings.backoff())
			.multiplier(2)
			.predicate((ex) -> ex instanceof Retriable)
			.build());
	}

	/** A service's address: its configured base with a path (and query) appended. */
	static URI resolve(URI base, String pathAndQuery) {
		String text = base.toString();
		return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + pathAndQuery);
	}

	/**
	 * The body of a 200 answer.
	 * @throws FetchRejected with the reason when every attempt failed
	 */
	String get(URI uri) {
		try {
			return this.retry.execute(() -> once(uri));
		}
		catch (RetryException ex) {
			Throwable last = ex.getCause();
			if (last instanceof FetchRejected rejected) {
				throw rejected;
			}
			throw new FetchRejected("the request failed: " + ((last != null) ? last.getMessage() : ex.getMessage()),
					ex);
		}
	}

	private String once(URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.settings.readTimeout())
			.header("User-Agent", "Qalam news site")
			.GET()
			.build();
		OutsideCall.Answer response;
		try {
			response = OutsideCall.send(this.client.obtain(), request, this.settings.maxAnswerSize().toBytes(),
					this.settings.readTimeout());
		}
		catch (OutsideCall.TooLarge ex) {
			throw new FetchRejected(ex.getMessage());
		}
		catch (HttpTimeoutException ex) {
			throw new Retriable("no answer within " + this.settings.readTimeout().toSeconds() + " s");
		}
		catch (IOException ex) {
			throw new Retriable("could not connect: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchRejected("interrupted");
		}
		int status = response.status();
		if (status >= 500) {
			throw new Retriable("HTTP " + status + " from the service");
		}
		if (status != 200) {
			throw new FetchRejected("HTTP " + status + " from the service");
		}
		return response.text();
	}

	/** A failure worth another attempt. */
	static final class Retriable extends FetchRejected {

		Retriable(String reason) {
			super(reason);
		}

	}

}
