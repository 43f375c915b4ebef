package io.qalam.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Nothing to show at this address (for example an unknown edition): answered with the
 * edition's 404 page.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PageNotFound extends RuntimeException {

	public PageNotFound() {
		super(null, null, false, false);
	}

}
