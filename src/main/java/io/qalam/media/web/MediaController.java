package io.qalam.media.web;

import java.nio.file.Path;
import java.time.Duration;

import io.qalam.media.MediaLibrary;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves image variants. Their addresses never change content, so they are cached for a
 * year by browsers and CDNs alike.
 */
@Controller
class MediaController {

	private static final MediaType WEBP = MediaType.parseMediaType("image/webp");

	private final MediaLibrary media;

	MediaController(MediaLibrary media) {
		this.media = media;
	}

	@GetMapping("/media/{id:\\d{1,18}}/{width:\\d{1,5}}.{ext:jpg|webp}")
	ResponseEntity<Resource> variant(@PathVariable long id, @PathVariable int width, @PathVariable String ext) {
		return this.media.variantFile(id, width, ext)
			.map((Path file) -> ResponseEntity.ok()
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
				.contentType(ext.equals("webp") ? WEBP : MediaType.IMAGE_JPEG)
				.<Resource>body(new FileSystemResource(file)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
