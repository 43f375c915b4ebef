package io.qalam.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.springframework.web.util.UriUtils;

/**
 * The old site's {@code wp-content/uploads} folder, as a directory on the server or a zip
 * of it, and how WordPress's addresses find its files: percent-encoding decoded (Cyrillic
 * names), Unicode composed either way (a folder copied from a Mac decomposes й), the
 * resized copies ({@code photo-1024x576.jpg}) and the big-image copy
 * ({@code photo-scaled.jpg}) leading back to the uploaded original.
 */
abstract class WordPressUploads implements Closeable {

	private static final Pattern UPLOADS = Pattern.compile("(?i)/wp-content/uploads/(.+)$");

	private static final Pattern RESIZED = Pattern.compile("^(.+?)-\\d{1,5}x\\d{1,5}(\\.[A-Za-z0-9]{2,5})$");

	private static final Pattern SCALED = Pattern.compile("^(.+?)-scaled(\\.[A-Za-z0-9]{2,5})$");

	/** No uploads given: every picture of the old site stays where it was. */
	static final WordPressUploads NONE = new WordPressUploads() {

		@Override
		Optional<String> find(String relative) {
			return Optional.empty();
		}

		@Override
		InputStream open(String found) throws IOException {
			throw new IOException("No uploads folder");
		}

		@Override
		public void close() {
		}

	};

	/**
	 * The uploads as given: a directory, a zip of it, or none (null).
	 * @throws IOException when a file given is no zip
	 */
	static WordPressUploads of(Path given) throws IOException {
		if (given == null) {
			return NONE;
		}
		return java.nio.file.Files.isDirectory(given) ? directory(given) : zip(given);
	}

	static WordPressUploads directory(Path dir) {
		return new Directory(dir.toAbsolutePath().normalize());
	}

	/**
	 * @throws IOException when it is no zip
	 */
	static WordPressUploads zip(Path file) throws IOException {
		return new Zip(new ZipFile(file.toFile(), StandardCharsets.UTF_8));
	}

	/**
	 * The file an address of the old site shows, as this folder names it: the original of
	 * a resized copy where the folder has it.
	 * @return empty for an address outside the uploads, or a file the folder lacks
	 */
	Optional<String> fileOf(String url) {
		if (url == null) {
			return Optional.empty();
		}
		String path = url.strip();
		int cut = path.indexOf('?');
		path = (cut >= 0) ? path.substring(0, cut) : path;
		Matcher uploads = UPLOADS.matcher(path);
		if (!uploads.find()) {
			return Optional.empty();
		}
		String relative;
		try {
			relative = UriUtils.decode(uploads.group(1), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (relative.contains("..") || relative.startsWith("/") || relative.contains("\\")) {
			return Optional.empty();
		}
		List<String> candidates = new ArrayList<>();
		Matcher resized = RESIZED.matcher(relative);
		String original = resized.matches() ? resized.group(1) + resized.group(2) : relative;
		candidates.add(original);
		Matcher scaled = SCALED.matcher(original);
		if (!scaled.matches()) {
			candidates.add(dotBefore(original, "-scaled"));
		}
		candidates.add(relative);
		for (String candidate : candidates) {
			for (Normalizer.Form form : List.of(Normalizer.Form.NFC, Normalizer.Form.NFD)) {
				Optional<String> found = find(Normalizer.normalize(candidate, form));
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	private static String dotBefore(String name, String suffix) {
		int dot = name.lastIndexOf('.');
		return (dot > name.lastIndexOf('/')) ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
	}

	/** Whether the file is a picture the media library takes, by its name. */
	static boolean isPicture(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png") || lower.endsWith(".webp");
	}

	/** The name the folder has for a path under it, if it has it. */
	abstract Optional<String> find(String relative);

	abstract InputStream open(String found) throws IOException;

	private static final class Directory extends WordPressUploads {

		private final Path root;

		Directory(Path root) {
			this.root = root;
		}

		@Override
		Optional<String> find(String relative) {
			Path file = this.root.resolve(relative).normalize();
			return (file.startsWith(this.root) && Files.isRegularFile(file)) ? Optional.of(relative) : Optional.empty();
		}

		@Override
		InputStream open(String found) throws IOException {
			return Files.newInputStream(this.root.resolve(found));
		}

		@Override
		public void close() {
		}

	}

	// The zip may hold the folder itself (uploads/2019/…) or what is in it (2019/…)
	private static final class Zip extends WordPressUploads {

		private final ZipFile zip;

		private final Map<String, ZipEntry> entries = new HashMap<>();

		Zip(ZipFile zip) {
			this.zip = zip;
			zip.stream().filter((entry) -> !entry.isDirectory()).forEach((entry) -> {
				String name = entry.getName().replace('\\', '/');
				int uploads = name.indexOf("uploads/");
				String relative = (uploads >= 0) ? name.substring(uploads + "uploads/".length()) : name;
				this.entries.putIfAbsent(relative, entry);
			});
		}

		@Override
		Optional<String> find(String relative) {
			return this.entries.containsKey(relative) ? Optional.of(relative) : Optional.empty();
		}

		@Override
		InputStream open(String found) throws IOException {
			return this.zip.getInputStream(this.entries.get(found));
		}

		@Override
		public void close() throws IOException {
			this.zip.close();
		}

	}

}
