package io.qalam.platform.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTests {

	@Test
	void writesThousandsAndDecimalsAsEachEditionDoes() {
		BigDecimal amount = new BigDecimal("504610.004");
		assertThat(new Numbers(Locale.forLanguageTag("ru")).decimal(amount, 2)).isEqualTo("504\u00a0610,00");
		assertThat(new Numbers(Locale.forLanguageTag("kk")).decimal(amount, 2)).isEqualTo("504\u00a0610,00");
		assertThat(new Numbers(Locale.ENGLISH).decimal(amount, 2)).isEqualTo("504,610.00");
	}

	@Test
	void signsChangesWithPlusAndARealMinus() {
		Numbers ru = new Numbers(Locale.forLanguageTag("ru"));
		assertThat(ru.signed(new BigDecimal("1.254"), 2)).isEqualTo("+1,25");
		assertThat(ru.signed(new BigDecimal("-0.4"), 2)).isEqualTo("\u22120,40");
		assertThat(ru.signed(new BigDecimal("0.001"), 2)).isEqualTo("0,00");
		assertThat(new Numbers(Locale.ENGLISH).signed(new BigDecimal("-1234.5"), 2)).isEqualTo("\u22121,234.50");
	}

}
