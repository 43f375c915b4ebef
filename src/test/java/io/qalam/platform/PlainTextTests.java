package io.qalam.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTests {

	@Test
	void charactersXmlForbidsAndBidirectionalOverridesAreDropped() {
		assertThat(PlainText.clean("a\u0000b\u0001c\u000Bd\u000Ce\u001Ff")).isEqualTo("abcdef");
		assertThat(PlainText.clean("pay\u202Efdp.exe")).isEqualTo("payfdp.exe");
		assertThat(PlainText.clean("x\u2066y\u2069\uFFFE\uFFFF")).isEqualTo("xy");
		assertThat(PlainText.clean("lone \uD800 surrogate \uDC00")).isEqualTo("lone  surrogate ");
	}

	@Test
	void whatPeopleWriteIsKept() {
		String text = "Алматы — «Қазақстан» 😀\tline\r\nnext ә ғ қ ң ө ұ ү һ і";
		assertThat(PlainText.clean(text)).isSameAs(text);
		assertThat(PlainText.clean(null)).isNull();
	}

}
