package io.qalam.platform;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Site-wide infrastructure settings ({@code qalam.site.*}).
 *
 * @param baseUrl the public address every absolute link starts with (canonical, feeds,
 * sitemaps, Telegram posts), without a trailing slash
 * @param name the outlet's name, shown in titles and as the publisher
 * @param timeZone the newsroom's time zone: dates in article URLs and on pages
 */
@Validated
@ConfigurationProperties("qalam.site")
public record SiteProperties(
		@NotBlank @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*[^\\s?#/])?",
				message = "must be an absolute http(s) address without a trailing slash") String baseUrl,
		@NotBlank String name, @NotNull ZoneId timeZone) {

	public SiteProperties {
		if (timeZone == null) {
			timeZone = ZoneId.of("Asia/Almaty");
		}
	}

	/** The absolute address of a site path such as {@code /ru/}. */
	public String absolute(String path) {
		return this.baseUrl + path;
	}

}
