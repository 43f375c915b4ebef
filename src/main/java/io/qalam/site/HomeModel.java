package io.qalam.site;

import io.qalam.content.HomePage;
import io.qalam.platform.web.PublicLayout;

/** The model of {@code site/home.jte}. */
public record HomeModel(PublicLayout layout, HomePage home) {
}
