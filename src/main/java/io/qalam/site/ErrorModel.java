package io.qalam.site;

import io.qalam.platform.web.PublicLayout;

/**
 * The model of {@code site/error.jte}.
 *
 * @param kind {@code 400}, {@code 403}, {@code 404}, {@code 405} or {@code 500}: the
 * message key part
 */
public record ErrorModel(PublicLayout layout, String kind) {
}
