package io.qalam.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way Qalam calls an outside service: the answer's body is read as a stream up to
 * a size cap, and the whole call — connecting, headers, every byte of the body — has one
 * deadline. A service that answers a huge body, or a trickle that never ends, costs at
 * most {@code maxBytes} of memory and {@code deadline} of a thread.
 */
public final class OutsideCall {

	/** What every outside answer may weigh unless a caller says otherwise. */
	public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

	private OutsideCall() {
	}

	/** An answer: its status and its body (at most the cap). */
	public record Answer(int status, byte[] body) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/** The answer's body was larger than the cap; nothing of it is kept. */
	public static final class TooLarge extends IOException {

		private final int status;

		TooLarge(long maxBytes, int status) {
			super("the answer is larger than " + maxBytes + " bytes");
			this.status = status;
		}

		/** The answer's HTTP status, which came before its body. */
		public int status() {
			return this.status;
		}

	}

	/**
	 * Sends the request and reads the answer, all within {@code deadline}.
	 * @throws HttpTimeoutException when the deadline passed (the call is abandoned)
	 * @throws TooLarge when the body is larger than {@code maxBytes}
	 * @throws IOException when the connection failed
	 */
	public static Answer send(HttpClient client, HttpRequest request, long maxBytes, Duration deadline)
			throws IOException, InterruptedException {
		CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, (info) -> new Capped(maxBytes,
				info.statusCode(), info.headers().firstValueAsLong("Content-Length").orElse(-1)));
		try {
			HttpResponse<byte[]> response = call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
			return new Answer(response.statusCode(), response.body());
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			throw new HttpTimeoutException("no complete answer within " + deadline.toSeconds() + " s");
		}
		catch (InterruptedException ex) {
			call.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof IOException io) {
					throw io;
				}
			}
			throw new IOException(ex.getCause());
		}
	}

	/**
	 * Collects the body, giving up (and closing the stream) as soon as it passes the cap.
	 */
	private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {

		private final long maxBytes;

		private final int status;

		private final long declared;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private Flow.Subscription subscription;

		Capped(long maxBytes, int status, long declared) {
			this.maxBytes = maxBytes;
			this.status = status;
			this.declared = declared;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (this.declared > this.maxBytes) {
				// CASE: the service said how large it is; not a byte of it is read
				subscription.cancel();
				this.result.completeExceptionally(new TooLarge(this.maxBytes, this.status));
				return;
			}
			subscription.request(1);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				if (this.bytes.size() + (long) buffer.remaining() > this.maxBytes) {
					this.subscription.cancel();
					this.result.completeExceptionally(new TooLarge(this.maxBytes, this.status));
					return;
				}
				byte[] chunk = new byte[buffer.remaining()];
				buffer.get(chunk);
				this.bytes.writeBytes(chunk);
			}
			this.subscription.request(1);
		}

		@Override
		public void onError(Throwable failure) {
			this.result.completeExceptionally(failure);
		}

		@Override
		public void onComplete() {
			this.result.complete(this.bytes.toByteArray());
		}

	}

}
