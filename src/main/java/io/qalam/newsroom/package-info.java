/**
 * The staff web UI under {@code /newsroom}: dashboard, article editor and revisions,
 * media library, users admin and audit log, login and password pages. Who may open which
 * page is declared by {@code NewsroomStaffPages} for {@link io.qalam.accounts}.
 */
@ApplicationModule(allowedDependencies = { "accounts", "content", "edition", "media", "platform", "platform :: web" })
package io.qalam.newsroom;

import org.springframework.modulith.ApplicationModule;
