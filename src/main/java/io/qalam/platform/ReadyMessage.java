package io.qalam.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started Qalam where to open it, once it is ready to serve. */
@Component
class ReadyMessage {

	private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

	private final SiteProperties site;

	ReadyMessage(SiteProperties site) {
		this.site = site;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			log.info("Qalam is ready at http://localhost:{}/ (public address {})", web.getWebServer().getPort(),
					this.site.baseUrl());
		}
	}

}
