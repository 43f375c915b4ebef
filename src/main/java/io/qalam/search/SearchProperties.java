package io.qalam.search;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Search settings ({@code qalam.search.*}).
 *
 * @param dir where the indexes live, one directory per edition
 * @param pageSize results per page
 * @param maxQueryLength longer queries are not searched; the reader is asked for fewer
 * words
 * @param checkInterval how often a node compares its index with the database and repairs
 * differences (changes made on other nodes, events missed in a crash)
 */
@Validated
@ConfigurationProperties("qalam.search")
record SearchProperties(@NotNull Path dir, @Min(1) @Max(100) int pageSize, @Min(10) @Max(2000) int maxQueryLength,
		@NotNull Duration checkInterval) {

}
