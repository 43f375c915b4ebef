package io.qalam.media;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Media settings ({@code qalam.media.*}).
 *
 * @param dir where image files are stored
 * @param widths the variant widths generated for every image, smallest first
 * @param maxUploadSize the largest file accepted
 * @param maxMegapixels the most pixels an image may have, in millions; checked from the
 * file's header before any pixel is decoded
 * @param parallelDecodes how many uploads are decoded at once; each may hold a few
 * hundred megabytes while it is scaled
 */
@Validated
@ConfigurationProperties("qalam.media")
record MediaProperties(@NotNull Path dir, @NotEmpty List<@NotNull @Min(16) Integer> widths,
		@NotNull DataSize maxUploadSize, @NotNull @Min(1) Integer maxMegapixels,
		@NotNull @Min(1) Integer parallelDecodes) {

	MediaProperties {
		widths = (widths != null) ? widths.stream().sorted().toList() : null;
	}

}
