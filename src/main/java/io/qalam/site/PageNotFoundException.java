package io.qalam.site;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Nothing to show at this address: unknown edition, section, tag, author or slug, or an
 * article that is not published. Answered with the edition's 404 page.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PageNotFoundException extends RuntimeException {

	PageNotFoundException() {
		super(null, null, false, false);
	}

}
