package io.qalam.distribution.web;

import java.util.List;

import io.qalam.distribution.TelegramPosts;
import io.qalam.distribution.TelegramSettings;
import io.qalam.distribution.WebhookDeliveries;
import io.qalam.distribution.Webhooks;
import io.qalam.platform.Text;
import io.qalam.accounts.NewsroomLayout;

/**
 * The distribution page's model.
 *
 * @param admin whether settings and webhooks are shown
 * @param created a webhook just added, with its secret shown once; or null
 */
public record DistributionModel(NewsroomLayout layout, boolean admin, Text notice, Text error, Webhooks.Created created,
		List<TelegramPosts.Post> attention, List<TelegramPosts.Post> recent, List<TelegramSettings.Settings> telegram,
		List<Webhooks.Webhook> webhooks, List<WebhookDeliveries.Delivered> deliveries) {
}
