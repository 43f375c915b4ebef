package io.qalam.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WordPress's addresses of its uploads find their files in the folder or its zip: the
 * original of a resized copy, Cyrillic names, nothing outside the folder.
 */
class WordPressUploadsTests {

	private static final String SITE = "https://old.example.kz/wp-content/uploads/";

	@TempDir
	Path dir;

	@Test
	void aResizedOrScaledCopyLeadsToTheUploadedOriginal() throws IOException {
		Path uploads = this.dir.resolve("uploads");
		file(uploads.resolve("2019/05/photo.jpg"));
		file(uploads.resolve("2020/01/big-scaled.jpg"));
		file(uploads.resolve("2020/01/станция.png"));
		try (WordPressUploads folder = WordPressUploads.directory(uploads)) {
			assertThat(folder.fileOf(SITE + "2019/05/photo-1024x576.jpg")).hasValue("2019/05/photo.jpg");
			assertThat(folder.fileOf(SITE + "2019/05/photo.jpg?ver=2")).hasValue("2019/05/photo.jpg");
			assertThat(folder.fileOf(SITE + "2020/01/big-300x200.jpg")).hasValue("2020/01/big-scaled.jpg");
			assertThat(folder.fileOf(SITE + "2020/01/%D1%81%D1%82%D0%B0%D0%BD%D1%86%D0%B8%D1%8F-150x150.png"))
				.hasValue("2020/01/станция.png");
			assertThat(folder.fileOf(SITE + "2019/05/other.jpg")).isEmpty();
			assertThat(folder.fileOf("https://elsewhere.example/photo.jpg")).isEmpty();
			assertThat(folder.fileOf(SITE + "..%2F..%2Fetc%2Fpasswd")).isEmpty();
			assertThat(folder.fileOf(SITE + "2019/../../../secret.jpg")).isEmpty();
		}
	}

	@Test
	void aZipOfTheFolderServesAsWell() throws IOException {
		Path zip = this.dir.resolve("uploads.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
			out.putNextEntry(new ZipEntry("wp-content/uploads/2019/05/вид.jpg"));
			out.write(new byte[] { 1, 2, 3 });
			out.closeEntry();
		}
		try (WordPressUploads folder = WordPressUploads.zip(zip)) {
			String found = folder.fileOf(SITE + "2019/05/%D0%B2%D0%B8%D0%B4-300x200.jpg").orElseThrow();
			assertThat(found).isEqualTo("2019/05/вид.jpg");
			assertThat(folder.open(found).readAllBytes()).containsExactly(1, 2, 3);
		}
	}

	private static void file(Path path) throws IOException {
		Files.createDirectories(path.getParent());
		try (OutputStream out = Files.newOutputStream(path)) {
			out.write(1);
		}
	}

}
