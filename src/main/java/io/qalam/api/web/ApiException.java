package io.qalam.api.web;

import org.springframework.http.HttpStatus;

/** A request the content API refuses, with what to tell the client. */
final class ApiException extends RuntimeException {

	private final HttpStatus status;

	ApiException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

}
