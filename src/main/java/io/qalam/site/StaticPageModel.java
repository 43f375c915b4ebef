package io.qalam.site;

import io.qalam.platform.web.PublicLayout;

/**
 * The model of {@code site/static-page.jte}.
 *
 * @param page {@code contacts} or {@code advertising}: the message key prefix
 */
public record StaticPageModel(PublicLayout layout, String page) {
}
