package io.qalam.media;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Media settings ({@code qalam.media.*}).
 *
 * @param dir where image files are stored
 * @param widths the variant widths generated for every image, smallest first
 */
@Validated
@ConfigurationProperties("qalam.media")
record MediaProperties(@NotNull Path dir, @NotEmpty List<Integer> widths) {

	MediaProperties {
		if (widths == null || widths.isEmpty()) {
			widths = List.of(480, 960, 1440);
		}
		widths = widths.stream().sorted().toList();
	}

}
