package io.qalam.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.qalam.platform.OutsideCall;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The few Telegram Bot API methods Qalam uses, each giving a {@link Delivery}. The token
 * is part of every address, so no address or exception text leaves this class without the
 * token taken out.
 */
@Component
class BotApi {

	private final DistributionProperties properties;

	private final JsonMapper json;

	// Built on the first call, not at start: building one loads the TLS stack and the
	// trusted certificates, a few hundred milliseconds that a starting site spends better
	private final SingletonSupplier<HttpClient> client;

	BotApi(DistributionProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.client = SingletonSupplier.of(() -> HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
	}

	Delivery sendMessage(String token, String chat, String html) {
		return call(token, "sendMessage", Map.of("chat_id", chat, "text", html, "parse_mode", "HTML"));
	}

	Delivery sendPhoto(String token, String chat, Path photo, String captionHtml) {
		String boundary = "qalam-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			field(body, boundary, "chat_id", chat);
			field(body, boundary, "caption", captionHtml);
			field(body, boundary, "parse_mode", "HTML");
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"photo.jpg\""
					+ "\r\nContent-Type: image/jpeg\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(Files.readAllBytes(photo));
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return new Delivery.Refused(0, "cannot read the lead image: " + ex.getMessage(), false);
		}
		return send(token, "sendPhoto", "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	Delivery editText(String token, String chat, long messageId, String html) {
		return call(token, "editMessageText",
				Map.of("chat_id", chat, "message_id", messageId, "text", html, "parse_mode", "HTML"));
	}

	Delivery editCaption(String token, String chat, long messageId, String captionHtml) {
		return call(token, "editMessageCaption",
				Map.of("chat_id", chat, "message_id", messageId, "caption", captionHtml, "parse_mode", "HTML"));
	}

	Delivery delete(String token, String chat, long messageId) {
		return call(token, "deleteMessage", Map.of("chat_id", chat, "message_id", messageId));
	}

	private Delivery call(String token, String method, Map<String, Object> parameters) {
		return send(token, method, "application/json", this.json.writeValueAsBytes(parameters));
	}

	private Delivery send(String token, String method, String contentType, byte[] body) {
		String base = this.properties.telegram().apiUrl().toString().replaceAll("/+$", "");
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/" + method))
			.timeout(this.properties.readTimeout())
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			OutsideCall.Answer response = OutsideCall.send(this.client.obtain(), request, OutsideCall.DEFAULT_MAX_BYTES,
					this.properties.readTimeout());
			return answer(method, response.status(), response.text());
		}
		catch (IOException ex) {
			return hideToken(Delivery.of(ex), token);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Delivery.Unknown("interrupted while waiting for Telegram");
		}
	}

	private Delivery answer(String method, int status, String body) {
		JsonNode answer;
		try {
			answer = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			answer = null;
		}
		boolean ok = answer != null && answer.path("ok").asBoolean(false);
		if (status == 200 && ok) {
			return new Delivery.Done(answer.path("result").path("message_id").asLong(0));
		}
		String description = (answer != null) ? answer.path("description").asString("") : "";
		if (status == 429) {
			long seconds = (answer != null) ? answer.path("parameters").path("retry_after").asLong(5) : 5;
			return new Delivery.RetryAfter(Math.max(1, seconds));
		}
		// What was asked for is already so: the post says this, or is gone
		if (status == 400 && (description.contains("message is not modified")
				|| (method.equals("deleteMessage") && description.contains("message to delete not found")))) {
			return new Delivery.Done(0);
		}
		String reason = "Telegram answered " + status + (description.isEmpty() ? "" : ": " + description);
		return new Delivery.Refused(status, WebhookSender.cut(reason, 400), status >= 400 && status < 500);
	}

	private static Delivery hideToken(Delivery delivery, String token) {
		if (delivery instanceof Delivery.Unknown unknown) {
			return new Delivery.Unknown(unknown.reason().replace(token, "<token>"));
		}
		if (delivery instanceof Delivery.NotSent notSent) {
			return new Delivery.NotSent(notSent.reason().replace(token, "<token>"));
		}
		return delivery;
	}

	private static void field(ByteArrayOutputStream body, String boundary, String name, String value)
			throws IOException {
		body.write(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
	}

}
