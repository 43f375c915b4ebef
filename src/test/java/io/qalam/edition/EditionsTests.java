package io.qalam.edition;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EditionsTests {

	private final Editions editions = new Editions(new EditionProperties("ru",
			List.of(new EditionProperties.EditionSetting("ru", "ru-RU", "Русский", "https://t.me/qalam_ru"),
					new EditionProperties.EditionSetting("kk", "kk-KZ", "Қазақша", "https://t.me/qalam_kz"),
					new EditionProperties.EditionSetting("en", "en-GB", "English", "https://t.me/qalam_en"))));

	@Test
	void picksTheEditionOfTheReadersPreferredLanguage() {
		assertThat(this.editions.forAcceptLanguage("kk-KZ,kk;q=0.9,ru;q=0.8").code()).isEqualTo("kk");
		assertThat(this.editions.forAcceptLanguage("en-US,en;q=0.9").code()).isEqualTo("en");
		assertThat(this.editions.forAcceptLanguage("de-DE,de;q=0.9,en;q=0.5").code()).isEqualTo("en");
		assertThat(this.editions.forAcceptLanguage("ru").code()).isEqualTo("ru");
	}

	@Test
	void fallsBackToTheDefaultEdition() {
		assertThat(this.editions.forAcceptLanguage(null).code()).isEqualTo("ru");
		assertThat(this.editions.forAcceptLanguage("").code()).isEqualTo("ru");
		assertThat(this.editions.forAcceptLanguage("fr-FR").code()).isEqualTo("ru");
		assertThat(this.editions.forAcceptLanguage(";;;q=abc,,").code()).isEqualTo("ru");
	}

	@Test
	void refusesAnInconsistentConfiguration() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new Editions(new EditionProperties("de",
					List.of(new EditionProperties.EditionSetting("ru", "ru-RU", "Русский", "https://t.me/x")))))
			.withMessageContaining("default-edition 'de'");
		assertThatIllegalStateException()
			.isThrownBy(() -> new Editions(new EditionProperties("ru",
					List.of(new EditionProperties.EditionSetting("ru", "ru-RU", "Русский", "https://t.me/x"),
							new EditionProperties.EditionSetting("ru", "ru-RU", "Русский", "https://t.me/x")))))
			.withMessageContaining("twice");
	}

}
