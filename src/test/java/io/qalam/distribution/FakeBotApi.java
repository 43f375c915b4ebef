package io.qalam.distribution;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The Telegram Bot API as far as Qalam uses it, for a MockWebServer: it answers every
 * method as Telegram does, records each call, and can be told to answer the next calls
 * otherwise (a 429, a 500, no answer at all).
 */
final class FakeBotApi extends Dispatcher {

	private final AtomicLong messageIds = new AtomicLong(1000);

	private final Queue<MockResponse> next = new ConcurrentLinkedQueue<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	/** A call as Telegram received it. */
	record Call(String token, String method, String body, long at) {
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		String path = request.getPath();
		// /bot<token>/<method>
		String token = path.substring(4, path.lastIndexOf('/'));
		String method = path.substring(path.lastIndexOf('/') + 1);
		this.calls.add(new Call(token, method, request.getBody().readUtf8(), System.nanoTime()));
		MockResponse forced = this.next.poll();
		if (forced != null) {
			return forced;
		}
		String result = switch (method) {
			case "sendMessage", "sendPhoto" -> "{\"message_id\":" + this.messageIds.incrementAndGet() + "}";
			case "deleteMessage" -> "true";
			default -> "{\"message_id\":1}";
		};
		return new MockResponse().setHeader("Content-Type", "application/json")
			.setBody("{\"ok\":true,\"result\":" + result + "}");
	}

	/** Answers the next call with this instead. */
	void thenAnswer(MockResponse response) {
		this.next.add(response);
	}

	static MockResponse error(int code, String description) {
		return new MockResponse().setResponseCode(code)
			.setHeader("Content-Type", "application/json")
			.setBody("{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}");
	}

	static MockResponse tooManyRequests(int retryAfter) {
		return new MockResponse().setResponseCode(429)
			.setHeader("Content-Type", "application/json")
			.setBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + retryAfter
					+ "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}");
	}

	/** The calls whose body mentions {@code text}, in order. */
	List<Call> callsAbout(String text) {
		return this.calls.stream().filter((c) -> c.body().contains(text)).toList();
	}

	/** The calls of a method about a message id. */
	List<Call> callsFor(String method, long messageId) {
		return this.calls.stream()
			.filter((c) -> c.method().equals(method) && c.body().contains("\"message_id\":" + messageId))
			.toList();
	}

}
