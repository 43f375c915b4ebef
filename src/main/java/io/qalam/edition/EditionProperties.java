package io.qalam.edition;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The configured editions ({@code qalam.edition.*}), in the order they are listed.
 */
@Validated
@ConfigurationProperties("qalam.edition")
record EditionProperties(@NotBlank String defaultEdition, @NotEmpty List<@Valid EditionSetting> editions) {

	record EditionSetting(@Pattern(regexp = "[a-z]{2,3}", message = "must be 2 or 3 lowercase letters") String code,
			@NotBlank String locale, @NotBlank String name, @NotBlank String telegramChannel) {
	}

}
