package io.qalam.site;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.web.util.UriUtils;

/**
 * The share bar's plain links: no third-party script ever runs on our pages.
 */
final class ShareLinks {

	private ShareLinks() {
	}

	static List<ShareLink> of(String url, String title) {
		String u = encode(url);
		String t = encode(title);
		// percent-encoding goes character by character: "title url" is t, a space, u
		return List.of(new ShareLink("telegram", "Telegram", "https://t.me/share/url?url=" + u + "&text=" + t),
				new ShareLink("whatsapp", "WhatsApp", "https://wa.me/?text=" + t + "%20" + u),
				new ShareLink("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
				new ShareLink("x", "X", "https://x.com/intent/post?url=" + u + "&text=" + t),
				new ShareLink("vk", "VK", "https://vk.com/share.php?url=" + u + "&title=" + t));
	}

	// Everything but letters, digits and "-._~" encoded; spaces as %20, which all the
	// share endpoints read back (URLEncoder's '+' is not)
	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

}
