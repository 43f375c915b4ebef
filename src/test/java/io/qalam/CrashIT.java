package io.qalam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.qalam.newsroom.NewsroomUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the newsroom was told is saved survives a {@code kill -9} of the jar on the
 * embedded default: the process ends right after the last acknowledgement, nothing
 * written after it.
 */
class CrashIT {

	@TempDir
	Path dir;

	@Test
	void acknowledgedSavesAndPublishesSurviveAKill() throws Exception {
		Path data = this.dir.resolve("data");
		List<Long> drafts = new ArrayList<>();
		long published;
		try (PackagedJar qalam = PackagedJar.start(data, List.of("-Xmx256m"))) {
			NewsroomUser admin = NewsroomUser.login(qalam.port(), "admin", qalam.firstAdminPassword());
			for (int i = 1; i <= 5; i++) {
				drafts.add(admin.createDraft("en", "Crash draft " + i, "Saved text " + i));
			}
			published = drafts.get(4);
			admin.edit(published, "Edited text");
			admin.publish(published);
			qalam.kill();
		}
		try (PackagedJar qalam = PackagedJar.start(data, List.of("-Xmx256m"))) {
			NewsroomUser admin = NewsroomUser.login(qalam.port(), "admin", NewsroomUser.NEW_PASSWORD);
			for (int i = 0; i < drafts.size(); i++) {
				assertThat(admin.editor(drafts.get(i)).body()).as("draft %d after the kill", i + 1)
					.contains("Crash draft " + (i + 1));
			}
			assertThat(admin.editor(published).body()).contains("Edited text");
			assertThat(qalam.web().get("/en/").body()).as("the publication after the kill").contains("Crash draft 5");
		}
	}

}
