package io.qalam.newsroom;

import io.qalam.platform.web.NewsroomLayout;

/** The model of {@code newsroom/dashboard.jte}. */
public record DashboardModel(NewsroomLayout layout) {
}
