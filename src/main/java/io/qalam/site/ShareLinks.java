package io.qalam.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The share bar's plain links: no third-party script ever runs on our pages.
 */
final class ShareLinks {

	private ShareLinks() {
	}

	static List<ShareLink> of(String url, String title) {
		String u = encode(url);
		String t = encode(title);
		return List.of(new ShareLink("telegram", "Telegram", "https://t.me/share/url?url=" + u + "&text=" + t),
				new ShareLink("whatsapp", "WhatsApp", "https://wa.me/?text=" + encode(title + " " + url)),
				new ShareLink("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
				new ShareLink("x", "X", "https://x.com/intent/post?url=" + u + "&text=" + t),
				new ShareLink("vk", "VK", "https://vk.com/share.php?url=" + u + "&title=" + t));
	}

	private static String encode(String value) {
		// URLEncoder writes spaces as '+', which the share endpoints do not all read back
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
