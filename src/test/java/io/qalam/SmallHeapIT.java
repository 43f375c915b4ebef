package io.qalam;

import java.nio.file.Path;
import java.util.List;

import io.qalam.media.TestImages;
import io.qalam.newsroom.NewsroomUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's small server (a 256 MB heap) takes every image the upload limit allows: a
 * 39.9-megapixel PNG once ran it out of memory.
 */
class SmallHeapIT {

	@TempDir
	Path dir;

	@Test
	void theLargestImageTheLimitAllowsIsAcceptedOnTheRecommendedHeap() throws Exception {
		byte[] large = TestImages.largeRgbPng(39.9);
		try (PackagedJar qalam = PackagedJar.start(this.dir.resolve("data"), List.of("-Xmx256m", "-XX:+UseSerialGC"))) {
			NewsroomUser admin = NewsroomUser.login(qalam.port(), "admin", qalam.firstAdminPassword());
			var uploaded = admin.uploadImage("panorama.png", large);
			assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
			assertThat(qalam.isAlive()).isTrue();
			assertThat(qalam.output()).doesNotContain("OutOfMemoryError");
			assertThat(qalam.web().get("/ru/").statusCode()).isEqualTo(200);
		}
	}

}
